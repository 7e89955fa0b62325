package enginetest

import (
	"net/http"
	"strings"
)

// padHeaders adds n bytes of headers in lines of about 1 KB, as a server
// flooding its client's memory would.
func padHeaders(w http.ResponseWriter, n int) {
	line := strings.Repeat("x", 1000)
	for i := 0; n > 0; i++ {
		w.Header().Add("X-Padding", line)
		n -= len(line) + len("X-Padding: \r\n")
	}
}

// switchProtocols answers 101 to a request that asked for no upgrade and
// then streams bytes until the client or the server goes away.
func (s *Server) switchProtocols(w http.ResponseWriter) {
	conn, buf, err := http.NewResponseController(w).Hijack()
	if err != nil {
		return
	}
	defer conn.Close()
	// A write blocked on a client that stopped reading cannot see done:
	// closing the connection frees it.
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		select {
		case <-s.done:
			conn.Close()
		case <-stop:
		}
	}()
	buf.WriteString("HTTP/1.1 101 Switching Protocols\r\nUpgrade: nonsense\r\nConnection: Upgrade\r\n\r\n")
	chunk := []byte(strings.Repeat("z", 1024))
	for {
		if _, err := buf.Write(chunk); err != nil {
			return
		}
		if err := buf.Flush(); err != nil {
			return
		}
	}
}
