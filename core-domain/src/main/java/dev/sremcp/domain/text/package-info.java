/**
 * Reading untrusted text: bounded lines, binary detection, and terminal escape codes. Shared by the
 * analyzers that read logs.
 */
package dev.sremcp.domain.text;
