/**
 * Guidance pages and what belongs to them: topics, media items with their own review dates,
 * evidence, related pages and immutable revisions.
 */
package org.veritycms.page;
