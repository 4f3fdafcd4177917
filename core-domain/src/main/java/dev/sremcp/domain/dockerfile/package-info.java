/**
 * Dockerfiles: a parser that keeps every instruction's lines (continuations, heredocs, JSON and
 * shell forms, parser directives, stages, ARG and ENV substitution), a shell-command splitter for
 * RUN, and {@code review_dockerfile}, hadolint's rules and more over them.
 */
package dev.sremcp.domain.dockerfile;
