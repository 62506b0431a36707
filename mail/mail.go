// Package mail sends the back office's e-mails (ratsinfo.MailSender): over SMTP
// when a server is set (--smtp-url), otherwise into a folder of the data
// directory as .eml files, which any mail program opens, so that a small
// installation without a mail server loses no reset link.
package mail

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/tls"
	"encoding/hex"
	"fmt"
	"mime"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"net/smtp"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/ratsinfo/ratsinfo"
)

// Config says how to send.
type Config struct {
	// SMTPURL is smtp://user:pass@host:port (STARTTLS when the server offers it)
	// or smtps://… (TLS from the start); "" writes into Dir instead.
	SMTPURL string
	// From is the sender address, e.g. ratsinfo@norderstedt.de.
	From string
	// Dir receives the .eml files when there is no SMTP server.
	Dir string
	// Now is the clock of the Date header; nil = time.Now.
	Now func() time.Time
}

// New returns the sender the configuration names, or a German error that says
// which setting to fix.
func New(cfg Config) (ratsinfo.MailSender, error) {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	from, err := mail.ParseAddress(cfg.From)
	if err != nil || !ratsinfo.ValidEmail(from.Address) {
		return nil, fmt.Errorf("--mail-from %q ist keine gültige Absenderadresse, z. B. ratsinfo@stadt.de", cfg.From)
	}
	if cfg.SMTPURL == "" {
		return &folder{cfg: cfg, from: from}, nil
	}
	u, err := url.Parse(cfg.SMTPURL)
	if err != nil || (u.Scheme != "smtp" && u.Scheme != "smtps") || u.Hostname() == "" || u.Port() == "" {
		return nil, fmt.Errorf("--smtp-url wird nicht verstanden: erwartet wird smtp://benutzer:passwort@host:port oder smtps://…, z. B. smtp://ratsinfo:geheim@mail.stadt.de:587")
	}
	return &server{cfg: cfg, from: from, url: u}, nil
}

// compose builds the message: UTF-8 text, quoted-printable, encoded subject.
func compose(from *mail.Address, m ratsinfo.Mail, now time.Time) ([]byte, error) {
	to, err := mail.ParseAddress(m.To)
	if err != nil || !ratsinfo.ValidEmail(to.Address) {
		return nil, ratsinfo.Errorf(ratsinfo.EINVALID, "Die E-Mail-Adresse %s des Empfängers ist ungültig.", m.To)
	}
	if strings.ContainsAny(m.Subject, "\r\n") {
		return nil, fmt.Errorf("mail subject contains a line break")
	}
	var id [12]byte
	rand.Read(id[:])
	var b bytes.Buffer
	fmt.Fprintf(&b, "From: %s\r\n", from.String())
	fmt.Fprintf(&b, "To: %s\r\n", to.String())
	fmt.Fprintf(&b, "Subject: %s\r\n", mime.QEncoding.Encode("utf-8", m.Subject))
	fmt.Fprintf(&b, "Date: %s\r\n", now.Format(time.RFC1123Z))
	fmt.Fprintf(&b, "Message-ID: <%s@%s>\r\n", hex.EncodeToString(id[:]), domain(from.Address))
	b.WriteString("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n")
	qp := quotedprintable.NewWriter(&b)
	qp.Write([]byte(strings.ReplaceAll(strings.ReplaceAll(m.Text, "\r\n", "\n"), "\n", "\r\n")))
	qp.Close()
	return b.Bytes(), nil
}

func domain(addr string) string { return addr[strings.LastIndexByte(addr, '@')+1:] }

// folder writes each mail as one .eml file.
type folder struct {
	cfg  Config
	from *mail.Address
}

func (f *folder) Send(_ context.Context, m ratsinfo.Mail) error {
	now := f.cfg.Now()
	msg, err := compose(f.from, m, now)
	if err != nil {
		return err
	}
	var r [4]byte
	rand.Read(r[:])
	name := filepath.Join(f.cfg.Dir, now.UTC().Format("20060102-150405")+"-"+hex.EncodeToString(r[:])+".eml")
	// Written to a temporary name first, so that a reader never sees half a mail.
	tmp := name + ".tmp"
	// Created on the first mail, so that an installation that never sends
	// one gets no empty folder.
	if err := os.MkdirAll(f.cfg.Dir, 0o700); err != nil {
		return fmt.Errorf("der Ordner für E-Mails %s kann nicht angelegt werden: %w", f.cfg.Dir, err)
	}
	if err := os.WriteFile(tmp, msg, 0o600); err != nil {
		return fmt.Errorf("write mail %s: %w", name, err)
	}
	if err := os.Rename(tmp, name); err != nil {
		return fmt.Errorf("write mail %s: %w", name, err)
	}
	return nil
}

// server sends over SMTP.
type server struct {
	cfg  Config
	from *mail.Address
	url  *url.URL
}

const smtpTimeout = 30 * time.Second

func (s *server) Send(ctx context.Context, m ratsinfo.Mail) error {
	msg, err := compose(s.from, m, s.cfg.Now())
	if err != nil {
		return err
	}
	to, _ := mail.ParseAddress(m.To)
	ctx, cancel := context.WithTimeout(ctx, smtpTimeout)
	defer cancel()
	host := s.url.Hostname()
	addr := net.JoinHostPort(host, s.url.Port())
	var conn net.Conn
	if s.url.Scheme == "smtps" {
		conn, err = (&tls.Dialer{Config: &tls.Config{ServerName: host}}).DialContext(ctx, "tcp", addr)
	} else {
		conn, err = (&net.Dialer{}).DialContext(ctx, "tcp", addr)
	}
	if err != nil {
		return fmt.Errorf("smtp %s: %w", addr, err)
	}
	if dl, ok := ctx.Deadline(); ok {
		conn.SetDeadline(dl)
	}
	c, err := smtp.NewClient(conn, host)
	if err != nil {
		conn.Close()
		return fmt.Errorf("smtp %s: %w", addr, err)
	}
	defer c.Close()
	if ok, _ := c.Extension("STARTTLS"); ok && s.url.Scheme == "smtp" {
		if err := c.StartTLS(&tls.Config{ServerName: host}); err != nil {
			return fmt.Errorf("smtp %s: starttls: %w", addr, err)
		}
	}
	if user := s.url.User; user != nil {
		pw, _ := user.Password()
		// PlainAuth refuses to send the password without TLS, except to localhost.
		if err := c.Auth(smtp.PlainAuth("", user.Username(), pw, host)); err != nil {
			return fmt.Errorf("smtp %s: login as %s: %w", addr, user.Username(), err)
		}
	}
	if err := c.Mail(s.from.Address); err != nil {
		return fmt.Errorf("smtp %s: sender: %w", addr, err)
	}
	if err := c.Rcpt(to.Address); err != nil {
		return fmt.Errorf("smtp %s: recipient: %w", addr, err)
	}
	w, err := c.Data()
	if err != nil {
		return fmt.Errorf("smtp %s: data: %w", addr, err)
	}
	if _, err := w.Write(msg); err != nil {
		return fmt.Errorf("smtp %s: data: %w", addr, err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("smtp %s: data: %w", addr, err)
	}
	return c.Quit()
}
