package blob

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"

	"github.com/ratsinfo/ratsinfo"
)

// pdf runs pdftotext on content. It is a separate process for three reasons:
// poppler is GPL (we call it, never link it), a hostile PDF can crash or bloat
// it without touching the server, and a process can be held to a time limit
// (the context kills it) and a memory limit (ulimit -v before exec).
func (e *Extractor) pdf(ctx context.Context, content io.ReadSeeker) (ratsinfo.Extracted, error) {
	prog := e.PDFToText
	if prog == "" {
		prog = "pdftotext"
	}
	path, err := exec.LookPath(prog)
	if err != nil {
		return ratsinfo.Extracted{}, &ratsinfo.Error{Code: ratsinfo.EUNAVAILABLE,
			Message: "pdftotext ist nicht installiert; PDF-Dateien werden gelesen, sobald es da ist (Debian-Paket poppler-utils)."}
	}
	name, cleanup, err := fileFor(content)
	if err != nil {
		return ratsinfo.Extracted{}, err
	}
	defer cleanup()
	limit := e.MemoryLimit
	if limit <= 0 {
		limit = 1 << 30
	}
	// -raw keeps the lines as the content stream has them: pdftotext's reading
	// order mode joins every hyphen at a line end ("Smart City-" + "Offensive"
	// becomes "Smart CityOffensive"); CleanGerman decides that instead.
	// The shell sets the limit for itself and execs pdftotext, which inherits
	// it; Go's os/exec has no per-child rlimit.
	cmd := exec.CommandContext(ctx, "/bin/sh", "-c", `ulimit -v "$1" || exit 97; shift; exec "$@"`,
		"sh", strconv.FormatInt(limit/1024, 10), path, "-raw", "-enc", "UTF-8", "-q", name, "-")
	out := &limitedWriter{n: e.maxText() * 2}
	var stderr limitedWriter
	stderr.n = 4096
	cmd.Stdout, cmd.Stderr = out, &stderr
	cmd.WaitDelay = e.timeout() / 10
	runErr := cmd.Run()
	if ps := cmd.ProcessState; ps != nil {
		if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
			rss := ru.Maxrss * 1024 // kilobytes on Linux
			for {
				old := e.peakRSS.Load()
				if rss <= old || e.peakRSS.CompareAndSwap(old, rss) {
					break
				}
			}
		}
	}
	if runErr != nil {
		if ctx.Err() != nil {
			return ratsinfo.Extracted{}, fmt.Errorf("pdftotext: %w", ctx.Err())
		}
		var exit *exec.ExitError
		if errors.As(runErr, &exit) {
			return pdfExit(exit, stderr.buf.String())
		}
		return ratsinfo.Extracted{}, fmt.Errorf("pdftotext: %w", runErr)
	}
	// pdftotext ends every page with a form feed.
	pages := strings.Split(strings.TrimSuffix(out.buf.String(), "\f"), "\f")
	res := ratsinfo.Extracted{Pages: len(pages), Status: ratsinfo.TextDone}
	res.Text = CleanGerman(pages)
	if textless(res.Text, len(pages)) {
		return ratsinfo.Extracted{Pages: len(pages), Status: ratsinfo.TextNeedsOCR,
			Reason: "Die PDF-Datei enthält keine Textebene (vermutlich ein Scan) und braucht Texterkennung."}, nil
	}
	return res, nil
}

// textless reports whether a PDF has (almost) no text layer: fewer than 20
// letters a page is a scan with at most a stamp or a page number on it.
func textless(text string, pages int) bool {
	letters := 0
	for _, r := range text {
		if r > ' ' {
			letters++
		}
	}
	return letters < 20*max(pages, 1)
}

// pdfExit turns pdftotext's exit into a result: its exit codes 1–3 (open
// error, output error, permissions) mean the PDF itself is unreadable, which
// no retry mends; a signal or our shell's code 97 is a limit that was hit.
func pdfExit(exit *exec.ExitError, stderr string) (ratsinfo.Extracted, error) {
	msg := strings.TrimSpace(stderr)
	if ws, ok := exit.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		return ratsinfo.Extracted{}, fmt.Errorf("pdftotext beendet durch %v (Speichergrenze?): %s", ws.Signal(), msg)
	}
	switch exit.ExitCode() {
	case 1:
		if strings.Contains(strings.ToLower(msg), "password") || strings.Contains(strings.ToLower(msg), "encrypt") {
			return failed("Die PDF-Datei ist verschlüsselt."), nil
		}
		return failed("Die PDF-Datei ist beschädigt oder keine PDF-Datei (%s).", firstLine(msg)), nil
	case 3:
		return failed("Die PDF-Datei erlaubt das Kopieren von Text nicht."), nil
	case 97:
		return ratsinfo.Extracted{}, errors.New("pdftotext: Speichergrenze ließ sich nicht setzen")
	case 126, 127: // the program could not start, e.g. its libraries did not fit the memory limit
		return ratsinfo.Extracted{}, fmt.Errorf("pdftotext ließ sich nicht starten: %s", firstLine(msg))
	}
	if strings.Contains(msg, "alloc") || strings.Contains(msg, "memory") {
		return ratsinfo.Extracted{}, fmt.Errorf("pdftotext: Speichergrenze erreicht: %s", firstLine(msg))
	}
	return failed("pdftotext meldet Fehler %d (%s).", exit.ExitCode(), firstLine(msg)), nil
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	if s == "" {
		return "ohne Meldung"
	}
	return truncate(s, 200)
}

// fileFor gives pdftotext a path: the blob's own file when it is one (no
// copy), else a temporary copy.
func fileFor(content io.ReadSeeker) (string, func(), error) {
	if f, ok := content.(*os.File); ok {
		return f.Name(), func() {}, nil
	}
	tmp, err := os.CreateTemp("", "ratsinfo-extract-*.pdf")
	if err != nil {
		return "", nil, fmt.Errorf("temp file for pdftotext: %w", err)
	}
	cleanup := func() { tmp.Close(); os.Remove(tmp.Name()) }
	if _, err := io.Copy(tmp, content); err != nil {
		cleanup()
		return "", nil, fmt.Errorf("temp file for pdftotext: %w", err)
	}
	return tmp.Name(), cleanup, nil
}
