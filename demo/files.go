package demo

import (
	"bytes"
	"context"
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/ratsinfo/ratsinfo"
)

// blobRef is stored content as a File refers to it.
type blobRef struct {
	key    string
	size   int64
	sha512 string
	sha1   string
}

// blobSource puts file contents into blob storage. The demo stores every file's own
// content; the generator reuses a small pool, because a million distinct blobs would
// only measure the disk.
type blobSource interface {
	// put stores the content that make returns; kind groups contents that a pool may
	// share (all main files of papers, all minutes, …).
	put(ctx context.Context, kind string, make func() []byte) (blobRef, error)
	// pooled reports whether contents are shared, so that File.Text stays short.
	pooled() bool
}

func store(ctx context.Context, bs ratsinfo.BlobStore, content []byte) (blobRef, error) {
	key, size, sha512, err := bs.Put(ctx, bytes.NewReader(content))
	if err != nil {
		return blobRef{}, fmt.Errorf("store file content: %w", err)
	}
	sum := sha1.Sum(content)
	return blobRef{key: key, size: size, sha512: sha512, sha1: hex.EncodeToString(sum[:])}, nil
}

type directBlobs struct{ bs ratsinfo.BlobStore }

func newDirectBlobs(bs ratsinfo.BlobStore) *directBlobs { return &directBlobs{bs: bs} }

func (d *directBlobs) put(ctx context.Context, _ string, make func() []byte) (blobRef, error) {
	return store(ctx, d.bs, make())
}

func (d *directBlobs) pooled() bool { return false }

// pooledBlobs hands out size contents per kind in turn; the first file of each slot
// decides its content.
type pooledBlobs struct {
	bs    ratsinfo.BlobStore
	size  int
	next  map[string]int
	cache map[string]blobRef
}

func newPooledBlobs(bs ratsinfo.BlobStore, size int) *pooledBlobs {
	return &pooledBlobs{bs: bs, size: size, next: map[string]int{}, cache: map[string]blobRef{}}
}

func (p *pooledBlobs) put(ctx context.Context, kind string, make func() []byte) (blobRef, error) {
	slot := fmt.Sprintf("%s#%d", kind, p.next[kind]%p.size)
	p.next[kind]++
	if ref, ok := p.cache[slot]; ok {
		return ref, nil
	}
	ref, err := store(ctx, p.bs, make())
	if err == nil {
		p.cache[slot] = ref
	}
	return ref, err
}

func (p *pooledBlobs) pooled() bool { return true }

// fileSpec describes a file to write; text is its plain text, which the demo also
// renders as the PDF's content.
type fileSpec struct {
	kind, name, fileName string
	date                 ratsinfo.Date
	text                 func() string
	plain                bool // store as text/plain instead of PDF
}

// writeFile stores the content and writes the File. With pooled blobs the text is a
// short summary instead of the full text: the content is shared and would not match.
func (b *builder) writeFile(ctx context.Context, fs fileSpec) (int64, error) {
	var text string
	content := func() []byte {
		if text == "" {
			text = fs.text()
		}
		if fs.plain {
			return []byte(text)
		}
		return pdfDocument(fs.name, text)
	}
	ref, err := b.blobs.put(ctx, fs.kind, content)
	if err != nil {
		return 0, err
	}
	if b.blobs.pooled() {
		text = fs.name
	} else if text == "" {
		text = fs.text()
	}
	f := &ratsinfo.File{BodyID: b.bodyID, Name: fs.name, FileName: fs.fileName, Date: fs.date,
		MimeType: "application/pdf", Size: ref.size, SHA1Checksum: ref.sha1, SHA512Checksum: ref.sha512,
		BlobKey: ref.key, Text: text}
	if fs.plain {
		f.MimeType = "text/plain; charset=utf-8"
	}
	if err := b.create(ctx, f.Validate, func() error { return b.s.CreateFile(ctx, f) }); err != nil {
		return 0, fmt.Errorf("file %s: %w", fs.fileName, err)
	}
	return f.ID, nil
}

// fileBase turns a reference into a file name stem: "B 23/0042" → "B_23-0042".
func fileBase(ref string) string {
	return strings.NewReplacer(" ", "_", "/", "-").Replace(ref)
}

// writePaper writes the paper's main file, its attachments and the paper.
func (b *builder) writePaper(ctx context.Context, p *ratsinfo.Paper, text func() string, attachments int) error {
	base := fileBase(p.Reference)
	if p.MainFileID == 0 { // the seed answer brings its own
		var err error
		p.MainFileID, err = b.writeFile(ctx, fileSpec{kind: "paper", name: p.PaperType + " " + p.Reference,
			fileName: base + ".pdf", date: p.Date, text: text})
		if err != nil {
			return err
		}
	}
	for i := 1; i <= attachments; i++ {
		what := pick(b.rng, []string{"Lageplan", "Kostenschätzung", "Stellungnahme", "Präsentation", "Übersicht"})
		name := fmt.Sprintf("Anlage %d zu %s: %s", i, p.Reference, what)
		id, err := b.writeFile(ctx, fileSpec{kind: "attachment", name: name,
			fileName: fmt.Sprintf("%s_Anlage_%d.pdf", base, i), date: p.Date,
			text: func() string { return name + "\n\n" + p.Name }})
		if err != nil {
			return err
		}
		p.AuxiliaryFileIDs = append(p.AuxiliaryFileIDs, id)
	}
	if err := b.create(ctx, p.Validate, func() error { return b.s.CreatePaper(ctx, p) }); err != nil {
		return fmt.Errorf("paper %s: %w", p.Reference, err)
	}
	b.papers++
	return nil
}

// meetingFile writes the invitation (with the agenda) or the results protocol.
func (b *builder) meetingFile(ctx context.Context, pm *plannedMeeting, items []agendaItem, minutes bool) (int64, error) {
	kind, title := "invitation", "Einladung zur "+pm.name
	if minutes {
		kind, title = "minutes", "Niederschrift über die "+pm.name
	}
	day := pm.start.Format("2006-01-02")
	text := func() string {
		var sb strings.Builder
		fmt.Fprintf(&sb, "%s\nam %s um %s Uhr\n\nTagesordnung:\n", title, pm.start.Format("02.01.2006"), pm.start.Format("15:04"))
		for _, it := range items {
			name := it.name
			if !it.public {
				name = "(nichtöffentlich)"
			}
			fmt.Fprintf(&sb, "%s %s\n", it.number, name)
			if minutes && it.public && it.result != "" {
				fmt.Fprintf(&sb, "    Ergebnis: %s\n", it.result)
			}
		}
		return sb.String()
	}
	date := ratsinfo.DateOf(pm.start)
	if !minutes {
		date = ratsinfo.DateOf(pm.invitationDay())
	}
	return b.writeFile(ctx, fileSpec{kind: kind, name: title, date: date, text: text,
		fileName: fmt.Sprintf("%s_%s_%s.pdf", map[bool]string{false: "Einladung", true: "Niederschrift"}[minutes], fileBase(pm.org.short), day)})
}
