/**
 * Readers' comments on pages: the comment with the status rules it keeps, one level of replies,
 * readers' reports, and the plain-text body turned into safe HTML with autolinked URLs.
 */
package org.veritycms.comment;
