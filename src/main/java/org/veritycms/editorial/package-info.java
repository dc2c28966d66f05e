/**
 * The editorial workflow: creating and saving pages with a version check, moving them from draft
 * through review to publication and beyond under the role rules, revision diffs, and writing the
 * database back to the content format. Every action is audited.
 */
package org.veritycms.editorial;
