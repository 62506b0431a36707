package ratsinfo

// Base returns the Meta every object embeds, so that code generic over the object
// types (the mirror's writer) reaches the id and the deletion flag without
// reflection.
func (m *Meta) Base() *Meta { return m }

// The store fills back-references on reads of a single object (OParl's derived
// lists); writers never set them. ClearBackRefs zeroes them, so that an object
// as read compares equal to the same object as written.

// ClearBackRefs zeroes the back-references the store fills on reads.
func (l *Location) ClearBackRefs() {
	l.BodyIDs, l.OrganizationIDs, l.PersonIDs, l.MeetingIDs, l.PaperIDs = nil, nil, nil, nil, nil
}

// ClearBackRefs zeroes the back-references the store fills on reads.
func (f *File) ClearBackRefs() {
	f.DerivativeFileIDs, f.MeetingIDs, f.AgendaItemIDs, f.PaperIDs = nil, nil, nil, nil
}

// ClearBackRefs zeroes the back-references the store fills on reads.
func (o *Organization) ClearBackRefs() { o.MembershipIDs = nil }

// ClearBackRefs zeroes the back-references the store fills on reads.
func (p *Paper) ClearBackRefs() { p.SubordinatedPaperIDs = nil }

// ClearBackRefs does nothing: a body has no back-references.
func (b *Body) ClearBackRefs() {}

// ClearBackRefs does nothing: a legislative term has no back-references.
func (t *LegislativeTerm) ClearBackRefs() {}

// ClearBackRefs does nothing: a person has no back-references.
func (p *Person) ClearBackRefs() {}

// ClearBackRefs does nothing: a membership has no back-references.
func (m *Membership) ClearBackRefs() {}

// ClearBackRefs does nothing: a meeting's lists are its own data.
func (m *Meeting) ClearBackRefs() {}

// ClearBackRefs does nothing: an agenda item has no back-references.
func (a *AgendaItem) ClearBackRefs() {}

// ClearBackRefs does nothing: a consultation's lists are its own data.
func (c *Consultation) ClearBackRefs() {}
