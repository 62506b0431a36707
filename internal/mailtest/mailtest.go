// Package mailtest runs a real SMTP server for tests: the Mailpit binary that
// RATSINFO_TEST_MAILPIT names (.ci/run installs it), on free loopback ports, and
// reads what it received through Mailpit's HTTP API. Without the variable the
// test is skipped with a message that says so. Test support only.
package mailtest

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/ratsinfo/ratsinfo/internal/testenv"
)

// Server is one running Mailpit.
type Server struct {
	// SMTPURL is what --smtp-url takes: smtp://127.0.0.1:port.
	SMTPURL string
	api     string
}

// Message is a received mail as Mailpit reads it.
type Message struct {
	From    string
	To      []string
	Subject string
	Text    string
}

// Start runs Mailpit until the test ends.
func Start(t testing.TB) *Server {
	t.Helper()
	bin := testenv.Getenv(t, "RATSINFO_TEST_MAILPIT", "Mailpit-Tests")
	smtpPort, httpPort := freePort(t), freePort(t)
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, bin, "--smtp", "127.0.0.1:"+smtpPort, "--listen", "127.0.0.1:"+httpPort,
		"--database", filepath.Join(t.TempDir(), "mailpit.db"), "--disable-version-check", "--quiet")
	out := &lockedBuffer{}
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		cancel()
		t.Fatalf("start mailpit %s: %v", bin, err)
	}
	t.Cleanup(func() { cancel(); cmd.Wait() })
	s := &Server{SMTPURL: "smtp://127.0.0.1:" + smtpPort, api: "http://127.0.0.1:" + httpPort}
	deadline := time.Now().Add(30 * time.Second)
	for {
		res, err := http.Get(s.api + "/api/v1/messages")
		if err == nil {
			res.Body.Close()
			if c, err := net.Dial("tcp", "127.0.0.1:"+smtpPort); err == nil {
				c.Close()
				return s
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("mailpit did not start: %v\n%s", err, out.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func freePort(t testing.TB) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	return port
}

// Messages returns every received mail, newest first.
func (s *Server) Messages(t testing.TB) []Message {
	t.Helper()
	var list struct {
		Messages []struct {
			ID   string
			From struct{ Address string }
			To   []struct{ Address string }
		}
	}
	s.get(t, "/api/v1/messages", &list)
	out := make([]Message, 0, len(list.Messages))
	for _, m := range list.Messages {
		var full struct {
			Subject string
			Text    string
		}
		s.get(t, "/api/v1/message/"+m.ID, &full)
		msg := Message{From: m.From.Address, Subject: full.Subject, Text: full.Text}
		for _, to := range m.To {
			msg.To = append(msg.To, to.Address)
		}
		out = append(out, msg)
	}
	return out
}

func (s *Server) get(t testing.TB, path string, v any) {
	t.Helper()
	res, err := http.Get(s.api + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("mailpit %s: %s", path, res.Status)
	}
	if err := json.NewDecoder(res.Body).Decode(v); err != nil {
		t.Fatalf("mailpit %s: %v", path, err)
	}
}

// String is for failure messages.
func (m Message) String() string { return fmt.Sprintf("%s → %v: %s", m.From, m.To, m.Subject) }
