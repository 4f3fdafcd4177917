/**
 * Test support shared by the modules: one contract suite per port or host contract, which the
 * in-memory fake and the real adapter both pass, and fakes for what tests cannot reach.
 */
package dev.sremcp.testkit;
