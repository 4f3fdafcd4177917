/**
 * Incidents: {@code analyze_incident} merges alerts, logs, changes and metrics into one timeline,
 * finds the onset and the signals around it, and ranks causes that those signals support, or
 * abstains when none is; {@code draft_postmortem} writes a blameless postmortem from the same.
 */
package dev.sremcp.domain.incident;
