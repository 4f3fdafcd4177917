/**
 * The ports of the hexagon. {@code ports.in} holds the use cases that hosts drive, one method each;
 * {@code ports.out} (from the accounts issue on) the capabilities the core needs from outside,
 * named for what they do, never for a technology. No vendor type appears in a port.
 */
package dev.sremcp.ports;
