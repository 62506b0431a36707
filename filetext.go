package ratsinfo

import (
	"context"
	"io"
	"time"
)

// TextStatus says how far the text of a file has come: files arrive without
// text (demo, mirror, upload) and a background job extracts it.
type TextStatus string

// The statuses of a file's text.
const (
	TextPending  TextStatus = "pending"   // content held, text not yet extracted
	TextDone     TextStatus = "done"      // File.Text holds the text
	TextFailed   TextStatus = "failed"    // extraction gave up; Reason says why
	TextNeedsOCR TextStatus = "needs_ocr" // a PDF without a text layer (a scan)
)

// German is the status as the README and the pages name it.
func (s TextStatus) German() string {
	switch s {
	case TextDone:
		return "Text liegt vor"
	case TextFailed:
		return "Text konnte nicht extrahiert werden"
	case TextNeedsOCR:
		return "braucht Texterkennung"
	}
	return "wartet auf Textauszug"
}

// FileTextState is the extraction bookkeeping of one file.
type FileTextState struct {
	FileID   int64
	Status   TextStatus
	Reason   string // German, for TextFailed and TextNeedsOCR
	Attempts int
	Updated  time.Time
}

// Extracted is what a TextExtractor read from a file's content.
type Extracted struct {
	Text   string
	Status TextStatus // TextDone, TextNeedsOCR or TextFailed
	Reason string     // German; why it failed or needs OCR
	Pages  int        // pages read (PDF), 0 when the format has none
}

// TextExtractor reads the plain text of a file's content. A content that can
// never be read (corrupt, encrypted, an unknown format) is a result with
// TextFailed, not an error; an error means "try again later" (a time or memory
// limit hit, the program missing, the context ended).
type TextExtractor interface {
	ExtractText(ctx context.Context, content io.ReadSeeker) (Extracted, error)
}

// TextStore keeps the extraction bookkeeping beside the files. Its writes are
// the program's own bookkeeping (CanKeepBooks); the text itself is written
// through UpdateFile like every change of the record.
type TextStore interface {
	// FilesWithoutText returns, in id order after afterID, up to limit ids of
	// live files whose content is held (BlobKey) and whose text is empty and
	// not marked failed or needs_ocr: the work of text extraction.
	FilesWithoutText(ctx context.Context, afterID int64, limit int) ([]int64, error)
	// SetFileTextState records the outcome of an extraction attempt.
	SetFileTextState(ctx context.Context, s FileTextState) error
	// FileTextStates returns the states of the given files; a file without a
	// recorded state is pending when its text is empty, done otherwise.
	FileTextStates(ctx context.Context, ids []int64) (map[int64]FileTextState, error)
}
