/**
 * One contract suite per port: an abstract JUnit class that every adapter's test extends with a
 * factory for its adapter, so the in-memory fake and the real adapter pass the same assertions.
 */
package dev.sremcp.testkit.ports;
