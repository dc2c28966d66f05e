/**
 * Themes: FreeMarker templates, messages and static assets looked up in the active theme, then
 * its parent, then {@code default}.
 */
package org.veritycms.theme;
