/**
 * The {@code content/} folder format: topics.yaml and Markdown pages with YAML front matter,
 * imported at start-up and written back on export.
 */
package org.veritycms.content;
