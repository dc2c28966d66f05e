/**
 * The public web site: composes pages, review state, ratings and comments into read-only view
 * models, renders them through the theme, and answers every error in one place.
 */
package org.veritycms.site;
