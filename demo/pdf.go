package demo

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf16"
)

// winAnsiSpecial are the characters of WinAnsiEncoding outside Latin-1 that German
// text needs: „“, –, €, ….
var winAnsiSpecial = map[rune]byte{'€': 0x80, '„': 0x84, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97}

// winAnsiByte returns the WinAnsiEncoding byte of r.
func winAnsiByte(r rune) (byte, bool) {
	switch {
	case r >= 0x20 && r < 0x7F || r >= 0xA0 && r <= 0xFF:
		return byte(r), true
	case winAnsiSpecial[r] != 0:
		return winAnsiSpecial[r], true
	}
	return 0, false
}

// winAnsiRune is the inverse of winAnsiByte.
func winAnsiRune(b byte) (rune, bool) {
	switch {
	case b >= 0x20 && b < 0x7F || b >= 0xA0:
		return rune(b), true
	}
	for r, c := range winAnsiSpecial {
		if c == b {
			return r, true
		}
	}
	return 0, false
}

// winAnsi encodes s for a PDF string in WinAnsiEncoding, escaping the delimiters;
// characters outside the encoding become "?".
func winAnsi(s string) []byte {
	var out []byte
	for _, r := range s {
		switch c, ok := winAnsiByte(r); {
		case r == '(' || r == ')' || r == '\\':
			out = append(out, '\\', byte(r))
		case ok:
			out = append(out, c)
		default:
			out = append(out, '?')
		}
	}
	return out
}

// pdfText is a UTF-16 text string for the document information and structure.
func pdfText(s string) string {
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, c := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", c)
	}
	b.WriteString(">")
	return b.String()
}

// pdfObjects numbers and collects the objects of a PDF file.
type pdfObjects struct{ bodies []string }

// reserve returns the number of a new object whose body is set later.
func (o *pdfObjects) reserve() int {
	o.bodies = append(o.bodies, "")
	return len(o.bodies)
}

func (o *pdfObjects) set(n int, body string) { o.bodies[n-1] = body }

func (o *pdfObjects) add(body string) int {
	n := o.reserve()
	o.set(n, body)
	return n
}

// bytes writes the file: header, objects, cross-reference table and trailer.
func (o *pdfObjects) bytes(root, info int) []byte {
	var buf bytes.Buffer
	buf.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(o.bodies))
	for i, body := range o.bodies {
		offsets[i] = buf.Len()
		fmt.Fprintf(&buf, "%d 0 obj\n%s\nendobj\n", i+1, body)
	}
	xref := buf.Len()
	fmt.Fprintf(&buf, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, off := range offsets {
		fmt.Fprintf(&buf, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&buf, "trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offsets)+1, root, info, xref)
	return buf.Bytes()
}

// linesPerPage and lineWidth shape the page: A4, 10 pt type on 13 pt lines.
const (
	linesPerPage = 60
	lineWidth    = 95
)

// pdfDocument renders text as a small accessible PDF, written by hand because the
// demo must not need a PDF library or a browser: A4 pages of 60 lines, the glyphs
// it uses of an embedded font, tagged (each paragraph a P element of the structure
// tree, in reading order), with its title shown as the window title and German as
// its language.
func pdfDocument(title, text string) []byte {
	lines := wrapLines(text, lineWidth)
	var pages [][]string
	for len(lines) > 0 {
		n := min(linesPerPage, len(lines))
		pages = append(pages, lines[:n])
		lines = lines[n:]
	}
	if len(pages) == 0 {
		pages = [][]string{{""}}
	}
	var o pdfObjects
	catalog, pagesObj, fontObj, info := o.reserve(), o.reserve(), o.reserve(), o.reserve()
	structRoot, document := o.reserve(), o.reserve()
	fd, ff := o.reserve(), o.reserve()
	font, descriptor, file, err := embeddedFont(text, fd, ff)
	if err != nil { // the font is compiled in; a failure here is a broken build
		panic(err)
	}
	o.set(fontObj, font)
	o.set(fd, descriptor)
	o.set(ff, file)

	// A paragraph is a run of non-empty lines; it may continue on the next page.
	type mark struct{ page, mcid int }
	var paragraphs [][]mark
	open := false
	pageIDs := make([]int, len(pages))
	var parentTree []string // per page: the paragraph of each MCID
	paraObj := []int{}
	for i, page := range pages {
		pageIDs[i] = o.reserve()
		var content bytes.Buffer
		content.WriteString("BT /F1 10 Tf 13 TL 56 790 Td\n")
		var parents []int // paragraph index per MCID of this page
		for _, l := range page {
			if strings.TrimSpace(l) == "" {
				open = false
				content.WriteString("T*\n")
				continue
			}
			if !open {
				paragraphs = append(paragraphs, nil)
				paraObj = append(paraObj, o.reserve())
				open = true
			}
			p := len(paragraphs) - 1
			mcid := len(parents)
			paragraphs[p] = append(paragraphs[p], mark{i, mcid})
			parents = append(parents, p)
			fmt.Fprintf(&content, "/P <</MCID %d>> BDC (", mcid)
			content.Write(winAnsi(l))
			content.WriteString(") Tj EMC T*\n")
		}
		content.WriteString("ET")
		contents := o.add(fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", content.Len(), content.String()))
		o.set(pageIDs[i], fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R /StructParents %d /Tabs /S >>",
			pagesObj, fontObj, contents, i))
		refs := make([]string, len(parents))
		for k, p := range parents {
			refs[k] = fmt.Sprintf("%d 0 R", paraObj[p])
		}
		parentTree = append(parentTree, fmt.Sprintf("%d [%s]", i, strings.Join(refs, " ")))
	}
	kids := make([]string, len(paragraphs))
	for p, marks := range paragraphs {
		kids[p] = fmt.Sprintf("%d 0 R", paraObj[p])
		var k []string
		for _, m := range marks {
			if m.page == marks[0].page {
				k = append(k, fmt.Sprint(m.mcid))
			} else {
				k = append(k, fmt.Sprintf("<< /Type /MCR /Pg %d 0 R /MCID %d >>", pageIDs[m.page], m.mcid))
			}
		}
		o.set(paraObj[p], fmt.Sprintf("<< /Type /StructElem /S /P /P %d 0 R /Pg %d 0 R /K [%s] >>",
			document, pageIDs[marks[0].page], strings.Join(k, " ")))
	}
	o.set(document, fmt.Sprintf("<< /Type /StructElem /S /Document /P %d 0 R /K [%s] >>",
		structRoot, strings.Join(kids, " ")))
	o.set(structRoot, fmt.Sprintf("<< /Type /StructTreeRoot /K %d 0 R /ParentTree << /Nums [%s] >> /ParentTreeNextKey %d >>",
		document, strings.Join(parentTree, " "), len(pages)))
	pageRefs := make([]string, len(pageIDs))
	for i, id := range pageIDs {
		pageRefs[i] = fmt.Sprintf("%d 0 R", id)
	}
	o.set(pagesObj, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(pageRefs, " "), len(pages)))
	o.set(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R /Lang (de) /MarkInfo << /Marked true >> /StructTreeRoot %d 0 R /ViewerPreferences << /DisplayDocTitle true >> >>",
		pagesObj, structRoot))
	o.set(info, fmt.Sprintf("<< /Title %s /Producer (Ratsinfo Demo) >>", pdfText(title)))
	return o.bytes(catalog, info)
}
