/**
 * CI failure analysis: the runner's framing (GitHub Actions, GitLab CI, Jenkins) read into steps,
 * and each build tool's output (Maven, Gradle, npm, pytest, go test) read for the first real error,
 * its category, the failing tests and signs of flakiness.
 */
package dev.sremcp.domain.ci;
