package mirror_test

import (
	"context"
	"slices"
	"testing"

	"github.com/ratsinfo/ratsinfo"
)

// TestRepairFollowsValidation serves values that the mirror's own copy of the
// rules used to let through and the domain's Validate refuses, so that the whole
// object was skipped: an address without a dot in its domain, a 40-character
// SHA-1 that is not hexadecimal, a MIME type with a blank. Repair now asks
// Validate and mends or drops exactly the named fields; every object arrives.
func TestRepairFollowsValidation(t *testing.T) {
	h := startHostile(t)
	u := h.u
	h.mu.Lock()
	h.objs["/body/1"]["contactEmail"] = "rathaus.teststadt@localhost"
	h.put("/person/3", "Person", map[string]any{"name": "Max Beispiel", "gender": "Male",
		"email": []any{"max.beispiel@localhost", "mailto:Max Beispiel <max@teststadt.example.org>"}})
	h.lists["/body/1/person"] = append(h.lists["/body/1/person"], "/person/3")
	h.put("/paper/4", "Paper", map[string]any{"name": "Haushaltssatzung", "reference": "2024/004",
		"mainFile": map[string]any{"id": u("/file/4"), "type": ns + "File", "name": "Satzung", "accessUrl": u("/files/4"),
			"fileName": `C:\Vorlagen\satzung.pdf`, "mimeType": "application/octet stream",
			"sha1Checksum": "keine-pruefsumme-keine-pruefsumme-000000"}})
	h.lists["/body/1/paper"] = append(h.lists["/body/1/paper"], "/paper/4")
	h.mu.Unlock()

	db, blobs := open(t)
	rep := importInto(t, db, blobs, h.system(), fastRetries)
	if len(rep.Skipped) > 0 {
		t.Errorf("übersprungen: %v", rep.Skipped)
	}
	for kind, min := range map[string]int{"invalid-email": 2, "email-cleaned": 1, "gender-case": 1,
		"checksum-invalid": 1, "mime-type": 1, "file-name-path": 1, "mime-sniffed": 1} {
		if rep.Repairs[kind] < min {
			t.Errorf("Reparatur %s: %d, erwartet mindestens %d (alle: %v)", kind, rep.Repairs[kind], min, rep.Repairs)
		}
	}
	ctx := ratsinfo.SystemContext(context.Background())
	get := func(p string) int64 {
		r, err := db.FindBySource(ctx, u(p))
		if err != nil || r.ID == 0 {
			t.Fatalf("%s nicht übernommen: %v", p, err)
		}
		return r.ID
	}
	body := must(db.FindBodyByID(ctx, get("/body/1")))
	if body.ContactEmail != "" || body.AGS != "05358016" {
		t.Errorf("Körperschaft: E-Mail %q, AGS %q", body.ContactEmail, body.AGS)
	}
	p := must(db.FindPersonByID(ctx, get("/person/3")))
	if !slices.Equal(p.Email, []string{"max@teststadt.example.org"}) || p.Gender != "male" {
		t.Errorf("Person: E-Mail %q, Geschlecht %q", p.Email, p.Gender)
	}
	f := must(db.FindFileByID(ctx, get("/file/4")))
	if f.SHA1Checksum != "" || f.MimeType != "application/pdf" || f.FileName != "satzung.pdf" || f.BlobKey == "" {
		t.Errorf("Datei: SHA-1 %q, MIME %q, Dateiname %q, Inhalt %q", f.SHA1Checksum, f.MimeType, f.FileName, f.BlobKey)
	}
	paper := must(db.FindPaperByID(ctx, get("/paper/4")))
	if paper.MainFileID != f.ID {
		t.Errorf("Vorlage: Hauptdatei %d, erwartet %d", paper.MainFileID, f.ID)
	}
}
