// Browser steps wait on a real server and real rendering: give each test room (the root config's
// testTimeout is for the server suites).
jest.setTimeout(90_000);
