/**
 * What the four configuration reviews share: rules with their metadata, the files a call brings,
 * and the report they make of what their rules found.
 */
package dev.sremcp.domain.review;
