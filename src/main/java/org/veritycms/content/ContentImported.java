package org.veritycms.content;

import java.nio.file.Path;

/**
 * A content import wrote pages. An import leaves its pages out of the search index as it writes
 * them (indexing each page in each batch cost as much as writing it), so the index is rebuilt once,
 * in the background, when this is announced.
 */
public record ContentImported(Path root, int created, int updated) {
}
