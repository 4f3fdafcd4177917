package dev.sremcp.mcp.spi;

/** What a prompt handler returns: the prompt, or a request for input first. */
public sealed interface PromptResult permits GetPromptResult, InputRequired {}
