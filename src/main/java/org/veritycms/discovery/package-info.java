/**
 * How readers and search engines find current, reviewed pages: the sitemap, robots.txt, Atom feeds
 * of recently reviewed or updated pages, and the schema.org {@code MedicalWebPage} data on each page.
 */
package org.veritycms.discovery;
