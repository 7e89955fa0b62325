// Package enginetest is a loopback HTTP server for the engine's tests and
// benchmarks, in the spirit of grab's grabtest.
//
// Every response is shaped by Knobs carried in the query string, so one
// Server serves every test case and a plain address string is all the engine
// under test needs to be handed:
//
//	s := enginetest.New(t)
//	addr := s.URLFor("/report.pdf", enginetest.Knobs{Size: 1 << 20, FailTimes: 2})
//	// ... download addr, then compare with enginetest.BodySHA256("/report.pdf", 1<<20)
//
// Bodies are deterministic (see Body), so a test can check the bytes it got
// without keeping a copy of what was sent.
package enginetest
