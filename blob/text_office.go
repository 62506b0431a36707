package blob

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/ratsinfo/ratsinfo"
)

// office reads ODT (content.xml) and DOCX (word/document.xml): both are zip
// files of XML, so the standard library reads them. Every XML part is read
// through a size cap: a zip bomb stops at the cap instead of filling memory.
func (e *Extractor) office(ctx context.Context, content io.ReadSeeker) (ratsinfo.Extracted, error) {
	size, err := content.Seek(0, io.SeekEnd)
	if err != nil {
		return ratsinfo.Extracted{}, fmt.Errorf("office size: %w", err)
	}
	ra, ok := content.(io.ReaderAt)
	if !ok {
		b, err := e.readAll(io.NewSectionReader(readSeekerAt{content}, 0, size))
		if err != nil {
			return ratsinfo.Extracted{}, err
		}
		ra, size = bytes.NewReader(b), int64(len(b))
	}
	zr, err := zip.NewReader(ra, size)
	if err != nil {
		return failed("Die Datei ist ein beschädigtes ZIP-Archiv (%v).", err), nil
	}
	var part string
	var paragraph, tab, lineBreak map[string]bool
	for _, f := range zr.File {
		switch f.Name {
		case "content.xml": // ODT
			part = f.Name
			paragraph = map[string]bool{"p": true, "h": true, "list-item": true, "table-row": true}
			tab, lineBreak = map[string]bool{"tab": true, "table-cell": true, "s": true}, map[string]bool{"line-break": true}
		case "word/document.xml": // DOCX
			part = f.Name
			paragraph = map[string]bool{"p": true, "tr": true}
			tab, lineBreak = map[string]bool{"tab": true, "tc": true}, map[string]bool{"br": true, "cr": true}
		}
	}
	if part == "" {
		return failed("Das ZIP-Archiv ist weder ein ODT- noch ein DOCX-Dokument."), nil
	}
	f, err := zr.Open(part)
	if err != nil {
		return failed("Das Dokument lässt sich nicht öffnen (%v).", err), nil
	}
	defer f.Close()
	text, err := xmlText(ctx, io.LimitReader(f, e.maxInput()), paragraph, tab, lineBreak, e.maxText())
	if err != nil {
		if ctx.Err() != nil {
			return ratsinfo.Extracted{}, err
		}
		return failed("Das Dokument enthält fehlerhaftes XML (%v).", err), nil
	}
	return ratsinfo.Extracted{Text: CleanGerman([]string{text}), Status: ratsinfo.TextDone}, nil
}

// xmlText collects the character data of an office document, with a line
// break after each paragraph element and a space for tabs and cells.
func xmlText(ctx context.Context, r io.Reader, paragraph, tab, lineBreak map[string]bool, maxText int) (string, error) {
	d := xml.NewDecoder(r)
	d.Strict = false
	var b strings.Builder
	for i := 0; b.Len() < maxText; i++ {
		if i%4096 == 0 && ctx.Err() != nil {
			return "", ctx.Err()
		}
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.CharData:
			b.Write(t)
		case xml.StartElement:
			if tab[t.Name.Local] {
				b.WriteByte(' ')
			} else if lineBreak[t.Name.Local] {
				b.WriteByte('\n')
			}
		case xml.EndElement:
			if paragraph[t.Name.Local] {
				b.WriteByte('\n')
			}
		}
	}
	return b.String(), nil
}

// readSeekerAt gives a ReadSeeker the ReaderAt that zip needs (by seeking).
type readSeekerAt struct{ rs io.ReadSeeker }

func (r readSeekerAt) ReadAt(p []byte, off int64) (int, error) {
	if _, err := r.rs.Seek(off, io.SeekStart); err != nil {
		return 0, err
	}
	return io.ReadFull(r.rs, p)
}
