/**
 * The services behind the inbound ports: they drive the analyzers of {@code core-domain} and, as
 * later issues add them, the outbound ports (admission, metering, inference).
 */
package dev.sremcp.application;
