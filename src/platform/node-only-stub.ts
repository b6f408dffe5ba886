/** Stand-in for Node-only modules the SDK mentions in code paths that never run in a browser. */
export default {};
