/**
 * Site search: the full-text index of readable pages (Hibernate Search, embedded Lucene by default),
 * ranked queries filtered to what readers may see, highlighted snippets, and the admins' rebuild.
 */
package org.veritycms.search;
