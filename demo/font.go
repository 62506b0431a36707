package demo

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"slices"
	"sort"
	"strings"
	"sync"

	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
)

// The demo's PDFs embed the glyphs they use of the Go Regular font (BSD licence,
// golang.org/x/image/font/gofont). A PDF that only names Helvetica leaves the font to
// the reader's substitute, which PDF/UA and BITV 2.0 do not accept, and the whole
// font (150 KB) in each of two thousand files would bloat the demo: so each file
// carries a subset, the glyphs it shows, under the same glyph numbers.

// trueType is a parsed TrueType font, as much as subsetting and the PDF's font
// dictionary need. It is read-only after parsing.
type trueType struct {
	raw       []byte
	tables    map[string][]byte
	upem      int
	loca      []uint32 // numGlyphs+1 offsets into glyf
	advance   []uint16 // per glyph, in font units
	bbox      [4]int16
	ascent    int16
	descent   int16
	capHeight int16
	cmap      *sfnt.Font
	winAnsi   map[rune]uint16 // glyph of each character of WinAnsiEncoding
	widths    string          // the PDF's /Widths of codes 32 to 255, the same for every subset
}

// goRegular parses the embedded font once; it is immutable afterwards.
var goRegular = sync.OnceValues(func() (*trueType, error) { return parseTrueType(goregular.TTF) })

func parseTrueType(raw []byte) (*trueType, error) {
	if len(raw) < 12 {
		return nil, fmt.Errorf("font: too short")
	}
	f := &trueType{raw: raw, tables: map[string][]byte{}}
	n := int(binary.BigEndian.Uint16(raw[4:]))
	for i := range n {
		rec := raw[12+16*i:]
		off, size := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		if int(off)+int(size) > len(raw) {
			return nil, fmt.Errorf("font: table %q out of range", rec[:4])
		}
		f.tables[string(rec[:4])] = raw[off : off+size]
	}
	for _, tag := range []string{"head", "hhea", "maxp", "hmtx", "loca", "glyf", "cmap"} {
		if f.tables[tag] == nil {
			return nil, fmt.Errorf("font: no %s table", tag)
		}
	}
	be := binary.BigEndian
	head, hhea := f.tables["head"], f.tables["hhea"]
	f.upem = int(be.Uint16(head[18:]))
	for i := range f.bbox {
		f.bbox[i] = int16(be.Uint16(head[36+2*i:]))
	}
	longLoca := be.Uint16(head[50:]) == 1
	f.ascent, f.descent = int16(be.Uint16(hhea[4:])), int16(be.Uint16(hhea[6:]))
	f.capHeight = f.ascent * 7 / 10
	if os2 := f.tables["OS/2"]; len(os2) >= 90 && be.Uint16(os2) >= 2 {
		f.capHeight = int16(be.Uint16(os2[88:]))
	}
	glyphs := int(be.Uint16(f.tables["maxp"][4:]))
	loca := f.tables["loca"]
	for g := range glyphs + 1 {
		if longLoca {
			f.loca = append(f.loca, be.Uint32(loca[4*g:]))
		} else {
			f.loca = append(f.loca, 2*uint32(be.Uint16(loca[2*g:])))
		}
	}
	metrics := int(be.Uint16(hhea[34:]))
	hmtx := f.tables["hmtx"]
	for g := range glyphs {
		f.advance = append(f.advance, be.Uint16(hmtx[4*min(g, metrics-1):]))
	}
	var err error
	if f.cmap, err = sfnt.Parse(raw); err != nil {
		return nil, fmt.Errorf("font: %w", err)
	}
	// Every document draws from WinAnsiEncoding: look its glyphs and widths up
	// once, not per document.
	f.winAnsi = map[rune]uint16{}
	var buf sfnt.Buffer
	var widths strings.Builder
	for c := 32; c <= 255; c++ {
		w := 0
		if r, ok := winAnsiRune(byte(c)); ok {
			g, err := f.cmap.GlyphIndex(&buf, r)
			if err == nil && int(g) < len(f.advance) {
				f.winAnsi[r] = uint16(g)
				w = int(f.advance[g]) * 1000 / f.upem
			}
		}
		if c > 32 {
			widths.WriteByte(' ')
		}
		fmt.Fprint(&widths, w)
	}
	f.widths = widths.String()
	return f, nil
}

// glyph returns the glyph number of r, 0 (.notdef) if the font or WinAnsiEncoding
// lacks it.
func (f *trueType) glyph(r rune) uint16 { return f.winAnsi[r] }

// components returns the glyphs a composite glyph is built of.
func (f *trueType) components(g uint16) []uint16 {
	data := f.tables["glyf"][f.loca[g]:f.loca[g+1]]
	if len(data) < 10 || int16(binary.BigEndian.Uint16(data)) >= 0 {
		return nil
	}
	var out []uint16
	for p := 10; p+4 <= len(data); {
		flags, comp := binary.BigEndian.Uint16(data[p:]), binary.BigEndian.Uint16(data[p+2:])
		out = append(out, comp)
		p += 4
		if flags&0x0001 != 0 { // ARG_1_AND_2_ARE_WORDS
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&0x0008 != 0: // WE_HAVE_A_SCALE
			p += 2
		case flags&0x0040 != 0: // WE_HAVE_AN_X_AND_Y_SCALE
			p += 4
		case flags&0x0080 != 0: // WE_HAVE_A_TWO_BY_TWO
			p += 8
		}
		if flags&0x0020 == 0 { // MORE_COMPONENTS
			break
		}
	}
	return out
}

// subset returns a TrueType font with the outlines of the glyphs of runes (and the
// glyphs they are composed of); every other glyph is empty but keeps its number and
// width, so the font's own cmap still maps characters to the right glyphs. Tables
// a PDF reader does not use (names, PostScript names, kerning) are left out.
func (f *trueType) subset(runes []rune) []byte {
	keep := map[uint16]bool{}
	todo := []uint16{0} // .notdef, which every font needs
	for _, r := range runes {
		todo = append(todo, f.glyph(r))
	}
	for len(todo) > 0 {
		g := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		if keep[g] || int(g) >= len(f.advance) {
			continue
		}
		keep[g] = true
		todo = append(todo, f.components(g)...)
	}
	be := binary.BigEndian
	var glyf bytes.Buffer
	loca := make([]byte, 4*(len(f.loca)))
	for g := range len(f.loca) - 1 {
		be.PutUint32(loca[4*g:], uint32(glyf.Len()))
		if keep[uint16(g)] {
			glyf.Write(f.tables["glyf"][f.loca[g]:f.loca[g+1]])
			for glyf.Len()%4 != 0 {
				glyf.WriteByte(0)
			}
		}
	}
	be.PutUint32(loca[4*(len(f.loca)-1):], uint32(glyf.Len()))
	head := slices.Clone(f.tables["head"])
	be.PutUint32(head[8:], 0)  // checkSumAdjustment, set below
	be.PutUint16(head[50:], 1) // long loca offsets
	tables := map[string][]byte{"glyf": glyf.Bytes(), "loca": loca, "head": head}
	for _, tag := range []string{"OS/2", "cmap", "cvt ", "fpgm", "hhea", "hmtx", "maxp", "prep"} {
		if t, ok := f.tables[tag]; ok {
			tables[tag] = t
		}
	}
	out := writeTrueType(tables)
	be.PutUint32(out[headOffset(out)+8:], 0xB1B0AFBA-checksum(out))
	return out
}

// writeTrueType lays out tables in a font file: the directory sorted by tag, each
// table on a four-byte boundary with its checksum.
func writeTrueType(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for t := range tables {
		tags = append(tags, t)
	}
	sort.Strings(tags)
	n := len(tags)
	es := 0
	for 1<<(es+1) <= n {
		es++
	}
	be := binary.BigEndian
	dir := make([]byte, 12+16*n)
	be.PutUint32(dir, 0x00010000)
	be.PutUint16(dir[4:], uint16(n))
	be.PutUint16(dir[6:], uint16(16<<es))
	be.PutUint16(dir[8:], uint16(es))
	be.PutUint16(dir[10:], uint16(16*n-16<<es))
	var body bytes.Buffer
	for i, tag := range tags {
		t := tables[tag]
		rec := dir[12+16*i:]
		copy(rec, tag)
		be.PutUint32(rec[4:], checksum(t))
		be.PutUint32(rec[8:], uint32(len(dir)+body.Len()))
		be.PutUint32(rec[12:], uint32(len(t)))
		body.Write(t)
		for body.Len()%4 != 0 {
			body.WriteByte(0)
		}
	}
	return append(dir, body.Bytes()...)
}

// headOffset finds the head table in a font written by writeTrueType.
func headOffset(font []byte) int {
	n := int(binary.BigEndian.Uint16(font[4:]))
	for i := range n {
		if rec := font[12+16*i:]; string(rec[:4]) == "head" {
			return int(binary.BigEndian.Uint32(rec[8:]))
		}
	}
	return 0
}

// checksum is the TrueType table checksum: the sum of big-endian uint32 words.
func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}

// embeddedFont is the PDF objects of a font subset: the font dictionary (without
// its object header), the descriptor and the font file stream. fd and ff are the
// object numbers the dictionary and descriptor refer to.
func embeddedFont(text string, fd, ff int) (font, descriptor, file string, err error) {
	f, err := goRegular()
	if err != nil {
		return "", "", "", err
	}
	used := map[rune]bool{' ': true}
	for _, r := range text {
		if _, ok := winAnsiByte(r); ok {
			used[r] = true
		} else {
			used['?'] = true // winAnsi writes it instead
		}
	}
	runes := make([]rune, 0, len(used))
	for r := range used {
		runes = append(runes, r)
	}
	slices.Sort(runes)
	sub := f.subset(runes)
	h := fnv.New32a()
	h.Write(sub)
	tag, sum := make([]byte, 6), h.Sum32()
	for i := range tag {
		tag[i] = byte('A' + sum%26)
		sum /= 26
	}
	name := string(tag) + "+GoRegular"
	scale := func(v int) int { return v * 1000 / f.upem }
	font = fmt.Sprintf("<< /Type /Font /Subtype /TrueType /BaseFont /%s /FirstChar 32 /LastChar 255 /Widths [%s] /Encoding /WinAnsiEncoding /FontDescriptor %d 0 R >>",
		name, f.widths, fd)
	descriptor = fmt.Sprintf("<< /Type /FontDescriptor /FontName /%s /Flags 32 /FontBBox [%d %d %d %d] /ItalicAngle 0 /Ascent %d /Descent %d /CapHeight %d /StemV 80 /FontFile2 %d 0 R >>",
		name, scale(int(f.bbox[0])), scale(int(f.bbox[1])), scale(int(f.bbox[2])), scale(int(f.bbox[3])),
		scale(int(f.ascent)), scale(int(f.descent)), scale(int(f.capHeight)), ff)
	var z bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&z, zlib.BestSpeed) // cannot fail for a valid level
	zw.Write(sub)
	zw.Close()
	file = fmt.Sprintf("<< /Filter /FlateDecode /Length1 %d /Length %d >>\nstream\n%s\nendstream", len(sub), z.Len(), z.Bytes())
	return font, descriptor, file, nil
}
