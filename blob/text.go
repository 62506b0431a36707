package blob

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/ratsinfo/ratsinfo"
)

// Extractor reads the text of file contents: PDF through the separate program
// pdftotext (poppler-utils, GPL: called, never linked), plain text, HTML, ODT and
// DOCX in Go. The format is judged from the content, never from the declared
// type: mirrored servers declare PDFs that are HTML error pages.
type Extractor struct {
	// PDFToText is the pdftotext program (default: "pdftotext" on PATH).
	PDFToText string
	// Timeout bounds one file (default 2 minutes).
	Timeout time.Duration
	// MemoryLimit bounds the address space of the pdftotext process in bytes
	// (default 1 GiB); a hostile PDF then fails instead of taking the machine.
	MemoryLimit int64
	// MaxText caps the text kept of one file in bytes (default: what File.text
	// may hold, ratsinfo.MaxLongText).
	MaxText int
	// MaxInput caps the content read into memory for the Go formats (default 64 MiB).
	MaxInput int64

	peakRSS atomic.Int64 // largest resident size of a pdftotext run, in bytes
}

var _ ratsinfo.TextExtractor = (*Extractor)(nil)

func (e *Extractor) timeout() time.Duration {
	if e.Timeout > 0 {
		return e.Timeout
	}
	return 2 * time.Minute
}

func (e *Extractor) maxText() int {
	if e.MaxText > 0 {
		return e.MaxText
	}
	return ratsinfo.MaxLongText
}

func (e *Extractor) maxInput() int64 {
	if e.MaxInput > 0 {
		return e.MaxInput
	}
	return 64 << 20
}

// PeakRSS is the largest resident memory a pdftotext run of this extractor
// took, in bytes: the figure to size the memory limit by.
func (e *Extractor) PeakRSS() int64 { return e.peakRSS.Load() }

// failed is a result for content that will never be read, with the reason in
// German as the file's status shows it.
func failed(format string, args ...any) ratsinfo.Extracted {
	return ratsinfo.Extracted{Status: ratsinfo.TextFailed,
		Reason: "Text konnte nicht extrahiert werden: " + fmt.Sprintf(format, args...)}
}

// ExtractText reads the text of content within the extractor's limits.
func (e *Extractor) ExtractText(ctx context.Context, content io.ReadSeeker) (ratsinfo.Extracted, error) {
	ctx, cancel := context.WithTimeout(ctx, e.timeout())
	defer cancel()
	head := make([]byte, 512)
	n, err := io.ReadFull(content, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return ratsinfo.Extracted{}, fmt.Errorf("read content: %w", err)
	}
	head = head[:n]
	if _, err := content.Seek(0, io.SeekStart); err != nil {
		return ratsinfo.Extracted{}, fmt.Errorf("rewind content: %w", err)
	}
	var res ratsinfo.Extracted
	switch kind := sniff(head); kind {
	case "pdf":
		res, err = e.pdf(ctx, content)
	case "zip":
		res, err = e.office(ctx, content)
	case "html", "text":
		var b []byte
		if b, err = e.readAll(content); err == nil {
			if kind == "html" {
				res = ratsinfo.Extracted{Text: htmlText(b, e.maxText()), Status: ratsinfo.TextDone}
			} else {
				res = plainText(b)
			}
		}
	case "":
		return failed("Die Datei ist leer."), nil
	default:
		return failed("Das Dateiformat (%s) wird nicht unterstützt; gelesen werden PDF, Text, HTML, ODT und DOCX.", kind), nil
	}
	if err != nil {
		if ctx.Err() != nil && errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return ratsinfo.Extracted{}, fmt.Errorf("Zeitlimit von %s überschritten: %w", e.timeout(), err)
		}
		return ratsinfo.Extracted{}, err
	}
	if res.Status == ratsinfo.TextDone {
		res.Text = truncate(res.Text, e.maxText())
		if strings.TrimSpace(res.Text) == "" && res.Status == ratsinfo.TextDone {
			res.Text = ""
		}
	}
	return res, nil
}

// sniff names the format of content by its first bytes.
func sniff(head []byte) string {
	switch {
	case len(bytes.TrimSpace(head)) == 0:
		return ""
	case bytes.HasPrefix(head, []byte("%PDF-")) || bytes.Contains(head[:min(len(head), 1024)], []byte("%PDF-")):
		return "pdf"
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return "zip"
	}
	ct := http.DetectContentType(head)
	switch {
	case strings.HasPrefix(ct, "text/html"), strings.HasPrefix(ct, "text/xml") && bytes.Contains(bytes.ToLower(head), []byte("<html")):
		return "html"
	case strings.HasPrefix(ct, "text/plain"):
		return "text"
	}
	return ct
}

func (e *Extractor) readAll(r io.Reader) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, e.maxInput()+1))
	if err != nil {
		return nil, fmt.Errorf("read content: %w", err)
	}
	if int64(len(b)) > e.maxInput() {
		b = b[:e.maxInput()]
	}
	return b, nil
}

// plainText decodes text as UTF-8, or as Windows-1252 (what German offices
// save as "ANSI") when it is not valid UTF-8.
func plainText(b []byte) ratsinfo.Extracted {
	b = bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF"))
	s := string(b)
	if !utf8.Valid(b) {
		var sb strings.Builder
		for _, c := range b {
			sb.WriteRune(cp1252(c))
		}
		s = sb.String()
	}
	return ratsinfo.Extracted{Text: CleanGerman(strings.Split(s, "\f")), Status: ratsinfo.TextDone}
}

// cp1252 maps a Windows-1252 byte to its rune.
func cp1252(c byte) rune {
	if c >= 0x80 && c < 0xA0 {
		if r := cp1252High[c-0x80]; r != 0 {
			return r
		}
		return utf8.RuneError
	}
	return rune(c)
}

var cp1252High = [32]rune{'€', 0, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0, 'Ž', 0,
	0, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0, 'ž', 'Ÿ'}

// truncate cuts s to at most n bytes at a rune boundary.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// limitedWriter keeps the first n bytes and counts the rest, so a PDF that
// expands to gigabytes of text cannot fill the memory.
type limitedWriter struct {
	buf      bytes.Buffer
	n        int
	overflow bool
}

func (w *limitedWriter) Write(p []byte) (int, error) {
	if room := w.n - w.buf.Len(); room < len(p) {
		w.overflow = true
		if room > 0 {
			w.buf.Write(p[:room])
		}
		return len(p), nil
	}
	return w.buf.Write(p)
}
