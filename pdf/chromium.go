// Package pdf renders documents as accessible PDF with headless Chromium, a
// separate program (BSD-licensed) that Ratsinfo starts when it publishes an
// answer. Chromium writes tagged PDF with embedded font subsets, selectable text,
// the document's title and language, and an outline from the headings: what
// BITV 2.0 asks of a public authority's documents, and what the Go PDF
// libraries we could link do not offer.
package pdf

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/ratsinfo/ratsinfo"
)

// Chromium renders PDF with one headless Chromium process per document:
// publishing is rare, and a fresh process holds nothing of the last document.
type Chromium struct {
	Path    string        // the browser's executable
	Timeout time.Duration // per document, start of the browser included
}

var _ ratsinfo.PDFRenderer = (*Chromium)(nil)

// candidates are the names Debian, Ubuntu and Google give the browser.
var candidates = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}

// Find returns a renderer for the browser at path, or for the first one found
// on PATH when path is empty.
func Find(path string) (*Chromium, error) {
	if path != "" {
		if _, err := exec.LookPath(path); err != nil {
			return nil, ratsinfo.Errorf(ratsinfo.EINVALID, "Chromium wurde unter %q nicht gefunden (--chromium). "+
				"Bitte den Pfad zum Programm angeben oder Chromium installieren (Debian: apt-get install chromium).", path)
		}
		return &Chromium{Path: path, Timeout: time.Minute}, nil
	}
	for _, name := range candidates {
		if p, err := exec.LookPath(name); err == nil {
			return &Chromium{Path: p, Timeout: time.Minute}, nil
		}
	}
	return nil, ratsinfo.Errorf(ratsinfo.EUNAVAILABLE, "Für die barrierefreie PDF-Fassung von Antworten braucht Ratsinfo Chromium, "+
		"das auf diesem Rechner nicht gefunden wurde. Bitte Chromium installieren (Debian: apt-get install chromium) "+
		"oder den Pfad mit --chromium angeben.")
}

// RenderPDF prints html as an A4 PDF. The document is served once from a
// loopback address that only this call knows; the browser fetches nothing else
// (the HTML is self-contained).
func (c *Chromium) RenderPDF(ctx context.Context, html []byte) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, c.Timeout)
	defer cancel()
	url, stop, err := serveOnce(html)
	if err != nil {
		return nil, err
	}
	defer stop()
	dir, err := os.MkdirTemp("", "ratsinfo-pdf-")
	if err != nil {
		return nil, fmt.Errorf("pdf: profile folder: %w", err)
	}
	defer os.RemoveAll(dir)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(c.Path), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true), chromedp.UserDataDir(dir),
	}
	actx, cancelA := chromedp.NewExecAllocator(ctx, opts...)
	defer cancelA()
	bctx, cancelB := chromedp.NewContext(actx)
	defer cancelB()
	if err := chromedp.Do(bctx, chromedp.Navigate(url), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
		return nil, fmt.Errorf("pdf: load document in %s: %w", c.Path, err)
	}
	out, err := chromedp.Run(bctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFOutlineAndTagged(),
		chromedp.PDFPreferCSSPageSize()))
	if err != nil {
		return nil, fmt.Errorf("pdf: print: %w", err)
	}
	return out, nil
}

// serveOnce serves html under a random path on a loopback port until stop.
func serveOnce(html []byte) (url string, stop func(), err error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, fmt.Errorf("pdf: listen on loopback: %w", err)
	}
	var token [16]byte
	rand.Read(token[:])
	path := "/" + hex.EncodeToString(token[:])
	mux := http.NewServeMux()
	mux.HandleFunc("GET "+path, func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(html)
	})
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go srv.Serve(ln) // a failed serve shows as the browser's failed load
	return "http://" + ln.Addr().String() + path, func() { srv.Close() }, nil
}
