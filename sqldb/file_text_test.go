package sqldb

import (
	"slices"
	"testing"

	"github.com/ratsinfo/ratsinfo"
)

// TestFileTextState: which files extraction still has to read, the states it
// records, and that only the program and staff see either.
func TestFileTextState(t *testing.T) {
	forEach(t, func(t *testing.T, db *DB, _ *clock) {
		c := newCity(t, db)
		body := c.body.ID
		mk := func(name, blobKey, text string) int64 {
			f := &ratsinfo.File{BodyID: body, Name: name, BlobKey: blobKey, Text: text}
			must(t, db.CreateFile(writer, f))
			return f.ID
		}
		pending := mk("ohne Text", "k1", "")
		withText := mk("mit Text", "k2", "schon da")
		noContent := mk("ohne Inhalt", "", "")
		scanned := mk("Scan", "k3", "")
		broken := mk("kaputt", "k4", "")
		deleted := mk("gelöscht", "k5", "")
		must(t, db.DeleteFile(writer, deleted))

		must(t, db.SetFileTextState(writer, ratsinfo.FileTextState{FileID: scanned, Status: ratsinfo.TextNeedsOCR, Reason: "Scan", Attempts: 1}))
		must(t, db.SetFileTextState(writer, ratsinfo.FileTextState{FileID: broken, Status: ratsinfo.TextPending, Attempts: 1}))
		must(t, db.SetFileTextState(writer, ratsinfo.FileTextState{FileID: broken, Status: ratsinfo.TextFailed, Reason: "beschädigt", Attempts: 3}))

		ids, err := db.FilesWithoutText(writer, 0, 100)
		must(t, err)
		var mine []int64
		for _, id := range ids {
			if slices.Contains([]int64{pending, withText, noContent, scanned, broken, deleted}, id) {
				mine = append(mine, id)
			}
		}
		if !slices.Equal(mine, []int64{pending}) {
			t.Errorf("files without text: %v, want only %d", mine, pending)
		}
		if ids, err := db.FilesWithoutText(writer, pending, 100); err != nil || slices.Contains(ids, pending) {
			t.Errorf("after %d: %v, %v", pending, ids, err)
		}

		st, err := db.FileTextStates(staff, []int64{pending, withText, scanned, broken})
		must(t, err)
		want := map[int64]ratsinfo.TextStatus{pending: ratsinfo.TextPending, withText: ratsinfo.TextDone,
			scanned: ratsinfo.TextNeedsOCR, broken: ratsinfo.TextFailed}
		for id, s := range want {
			if st[id].Status != s {
				t.Errorf("file %d: status %q, want %q", id, st[id].Status, s)
			}
		}
		if st[broken].Reason != "beschädigt" || st[broken].Attempts != 3 || st[broken].Updated.IsZero() {
			t.Errorf("failed state not kept: %+v", st[broken])
		}

		wantCode(t, db.SetFileTextState(staff, ratsinfo.FileTextState{FileID: pending, Status: ratsinfo.TextFailed}), ratsinfo.EFORBIDDEN)
		_, err = db.FilesWithoutText(bg, 0, 10)
		wantCode(t, err, ratsinfo.EFORBIDDEN)
		_, err = db.FileTextStates(bg, []int64{broken})
		wantCode(t, err, ratsinfo.EFORBIDDEN)
	})
}
