/** What was charged and what happened: usage rows, monthly summaries and the audit trail. */
package dev.sremcp.domain.usage;
