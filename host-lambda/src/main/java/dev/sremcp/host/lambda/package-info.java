/**
 * sre-mcp on AWS Lambda. One handler serves API Gateway HTTP APIs (payload v2), REST APIs (v1 proxy
 * integration) and Lambda Function URLs, with buffered JSON responses: the Java managed runtime
 * cannot stream, so progress notifications are not sent and legacy server-to-client requests are
 * refused with a clear error. Everything is set up in the init phase.
 */
package dev.sremcp.host.lambda;
