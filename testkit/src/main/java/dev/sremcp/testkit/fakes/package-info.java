/** In-memory fakes of the ports, for tests of what sits on top of them. */
package dev.sremcp.testkit.fakes;
