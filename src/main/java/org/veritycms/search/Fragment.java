package org.veritycms.search;

/** A piece of text in a search result, marked when it matched the query; templates escape both kinds. */
public record Fragment(String text, boolean match) {
}
