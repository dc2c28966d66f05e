package org.veritycms.search;

import org.hibernate.search.mapper.pojo.bridge.ValueBridge;
import org.hibernate.search.mapper.pojo.bridge.runtime.ValueBridgeToIndexedValueContext;

/** Indexes a page body as the words a reader sees, not its Markdown syntax. */
class MarkdownTextBridge implements ValueBridge<String, String> {

    @Override
    public String toIndexedValue(String markdown, ValueBridgeToIndexedValueContext context) {
        return markdown == null ? null : PlainText.of(markdown);
    }
}
