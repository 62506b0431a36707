package mail

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/internal/mailtest"
	"github.com/ratsinfo/ratsinfo/internal/testenv"
)

func TestMain(m *testing.M) { os.Exit(testenv.Main(m)) }

var text = "Guten Tag,\n\nbitte setzen Sie Ihr Passwort über diesen Link:\nhttps://ratsinfo.example.org/buero/passwort-setzen?token=" +
	strings.Repeat("A", 43) + "\n\nGrüße aus dem Büro der Stadtvertretung"

// TestSMTP sends through a real Mailpit and reads the mail back from its API:
// umlauts in subject and text arrive, long lines survive quoted-printable.
func TestSMTP(t *testing.T) {
	mp := mailtest.Start(t)
	s, err := New(Config{SMTPURL: mp.SMTPURL, From: "Ratsinfo <ratsinfo@norderstedt.de>"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Send(context.Background(), ratsinfo.Mail{To: "erika@example.org", Subject: "Passwort für das Büro setzen", Text: text}); err != nil {
		t.Fatal(err)
	}
	msgs := mp.Messages(t)
	if len(msgs) != 1 {
		t.Fatalf("%d messages", len(msgs))
	}
	m := msgs[0]
	if m.From != "ratsinfo@norderstedt.de" || len(m.To) != 1 || m.To[0] != "erika@example.org" || m.Subject != "Passwort für das Büro setzen" {
		t.Errorf("received %s", m)
	}
	if strings.TrimSpace(strings.ReplaceAll(m.Text, "\r\n", "\n")) != text {
		t.Errorf("text arrived as %q", m.Text)
	}
	// Header injection through the subject is refused.
	if err := s.Send(context.Background(), ratsinfo.Mail{To: "erika@example.org", Subject: "x\r\nBcc: a@b.de", Text: "x"}); err == nil {
		t.Error("subject with a line break was sent")
	}
}

// TestFolder writes the mail as an .eml file when no SMTP server is set.
func TestFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "mails")
	s, err := New(Config{From: "ratsinfo@norderstedt.de", Dir: dir, Now: func() time.Time { return time.Date(2026, 12, 5, 12, 0, 0, 0, time.UTC) }})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Send(context.Background(), ratsinfo.Mail{To: "erika@example.org", Subject: "Passwort für das Büro setzen", Text: text}); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.eml"))
	if len(files) != 1 || !strings.HasPrefix(filepath.Base(files[0]), "20261205-120000-") {
		t.Fatalf("files %v", files)
	}
	b, _ := os.ReadFile(files[0])
	for _, want := range []string{"To: <erika@example.org>\r\n", "Subject: =?utf-8?q?Passwort_f=C3=BCr_das_B=C3=BCro_setzen?=\r\n",
		"Date: Sat, 05 Dec 2026 12:00:00 +0000\r\n", "Content-Transfer-Encoding: quoted-printable\r\n", "Gr=C3=BC=C3=9Fe"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("mail lacks %q:\n%s", want, b)
		}
	}
}

func TestConfig(t *testing.T) {
	for _, c := range []Config{{From: "kein-at"}, {From: "a@b.de", SMTPURL: "http://mail:25"}, {From: "a@b.de", SMTPURL: "smtp://mail"}} {
		if _, err := New(c); err == nil {
			t.Errorf("%+v accepted", c)
		}
	}
}
