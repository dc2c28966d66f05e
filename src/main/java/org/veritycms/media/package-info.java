/**
 * The media library: files editors upload once (images, video, audio, documents), checked by their
 * bytes, kept by content hash in a {@link org.veritycms.media.MediaStore}, with image renditions and
 * the pages that use each one.
 */
package org.veritycms.media;
