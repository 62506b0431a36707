package mirror

import (
	"context"

	"github.com/ratsinfo/ratsinfo"
)

// convert builds the domain object of c.kind from the source, imports what it
// embeds, writes it and returns its local id.
func (c *conv) convert(ctx context.Context, ref ratsinfo.SourceRef, found bool) (int64, error) {
	switch c.kind {
	case ratsinfo.KindLocation:
		return c.location(ctx, ref, found)
	case ratsinfo.KindFile:
		return c.file(ctx, ref, found)
	case ratsinfo.KindLegislativeTerm:
		return c.legislativeTerm(ctx, ref, found)
	case ratsinfo.KindOrganization:
		return c.organization(ctx, ref, found)
	case ratsinfo.KindPerson:
		return c.person(ctx, ref, found)
	case ratsinfo.KindMembership:
		return c.membership(ctx, ref, found)
	case ratsinfo.KindMeeting:
		return c.meeting(ctx, ref, found)
	case ratsinfo.KindAgendaItem:
		return c.agendaItem(ctx, ref, found)
	case ratsinfo.KindPaper:
		return c.paper(ctx, ref, found)
	case ratsinfo.KindConsultation:
		return c.consultation(ctx, ref, found)
	case ratsinfo.KindBody:
		if c.im.allowBody {
			return c.body(ctx, ref, found)
		}
		c.im.rep.skip("Körperschaft innerhalb einer Liste")
		return 0, nil
	}
	c.im.rep.skip("unbekannter Typ " + string(c.kind))
	return 0, nil
}

// embedded reports whether the object came embedded in another (index -1 marks
// a standalone object, -2 an embedded single object, 0… a place in an array).
func (c *conv) embedded() bool { return c.par != nil || c.index != standalone }

const (
	standalone     = -1
	embeddedSingle = -2
)

// child imports one embedded object of kind k under the object being converted.
func (c *conv) child(ctx context.Context, o map[string]any, ref string, k ratsinfo.Kind, par *parent, index int) (int64, error) {
	if o != nil {
		return c.im.importObject(ctx, importReq{obj: o, want: k, par: par, index: index})
	}
	return c.ref(ctx, ref, k)
}

func (c *conv) children(ctx context.Context, key string, k ratsinfo.Kind) ([]int64, error) {
	objs, refs := c.v.children(key)
	var out []int64
	for i, o := range objs {
		id, err := c.im.importObject(ctx, importReq{obj: o, want: k, index: i})
		if err != nil {
			return nil, err
		}
		if id != 0 && !containsID(out, id) {
			out = append(out, id)
		}
	}
	ids, err := c.refs(ctx, refs, k)
	for _, id := range ids {
		if !containsID(out, id) {
			out = append(out, id)
		}
	}
	return out, err
}

func (c *conv) embeddedObj(ctx context.Context, key string, k ratsinfo.Kind) (int64, error) {
	o, ref := c.v.child(key)
	return c.child(ctx, o, ref, k, nil, embeddedSingle)
}

func (c *conv) location(ctx context.Context, ref ratsinfo.SourceRef, found bool) (int64, error) {
	v := c.v
	l := &ratsinfo.Location{Meta: v.meta(c.embedded()), BodyID: c.im.body,
		Description: v.str("description"), StreetAddress: v.str("streetAddress"), Room: v.str("room"),
		PostalCode: v.str("postalCode"), SubLocality: v.str("subLocality"), Locality: v.str("locality")}
	l.GeoJSON = c.geojson(v.m["geojson"])
	return c.save(ctx, ref, found, l)
}

func (c *conv) file(ctx context.Context, ref ratsinfo.SourceRef, found bool) (int64, error) {
	v := c.v
	f := &ratsinfo.File{Meta: v.meta(c.embedded()), BodyID: c.im.body,
		Name: v.str("name"), FileName: v.str("fileName"), MimeType: v.str("mimeType"), Date: v.date("date"),
		SHA1Checksum: v.str("sha1Checksum"), SHA512Checksum: v.str("sha512Checksum"), Text: v.str("text"),
		ExternalServiceURL: v.urlProp("externalServiceUrl"), FileLicense: v.urlProp("fileLicense")}
	if n, ok := v.integer("size"); ok && n >= 0 {
		f.Size = n
	}
	// Repaired before the download: the content is checked against the
	// SHA-512, and a MIME type dropped here is taken from the content.
	_ = c.validate(f) // what is still wrong is reported when it is saved
	var err error
	if f.MasterFileID, err = c.ref(ctx, v.link("masterFile"), ratsinfo.KindFile); err != nil {
		return 0, err
	}
	if err := c.attachContent(ctx, f); err != nil {
		return 0, err
	}
	return c.save(ctx, ref, found, f)
}

func (c *conv) legislativeTerm(ctx context.Context, ref ratsinfo.SourceRef, found bool) (int64, error) {
	v := c.v
	t := &ratsinfo.LegislativeTerm{Meta: v.meta(c.embedded()), BodyID: c.im.body, Name: v.str("name"),
		StartDate: v.date("startDate"), EndDate: v.date("endDate")}
	if t.Name == "" {
		t.Name = joinDates(t.StartDate, t.EndDate)
	}
	return c.save(ctx, ref, found, t)
}

func joinDates(a, b ratsinfo.Date) string {
	if a.IsZero() && b.IsZero() {
		return ""
	}
	return "Wahlperiode " + a.String() + " bis " + b.String()
}

func (c *conv) organization(ctx context.Context, ref ratsinfo.SourceRef, found bool) (int64, error) {
	v := c.v
	o := &ratsinfo.Organization{Meta: v.meta(c.embedded()), BodyID: c.im.body, Name: v.str("name"),
		ShortName: v.str("shortName"), Post: v.strs("post"), OrganizationType: v.str("organizationType"),
		Classification: v.str("classification"), StartDate: v.date("startDate"), EndDate: v.date("endDate"),
		Website: v.urlProp("website"), ExternalBody: v.urlProp("externalBody")}
	if o.Name == "" {
		o.Name = o.ShortName
	}
	var err error
	if o.LocationID, err = c.embeddedObj(ctx, "location", ratsinfo.KindLocation); err != nil {
		return 0, err
	}
	if o.SubOrganizationOf, err = c.ref(ctx, v.link("subOrganizationOf"), ratsinfo.KindOrganization); err != nil {
		return 0, err
	}
	if ref.ID != 0 && o.SubOrganizationOf == ref.ID {
		o.SubOrganizationOf = 0
	}
	return c.save(ctx, ref, found, o)
}

func (c *conv) person(ctx context.Context, ref ratsinfo.SourceRef, found bool) (int64, error) {
	v := c.v
	p := &ratsinfo.Person{Meta: v.meta(c.embedded()), BodyID: c.im.body, Name: v.str("name"),
		FamilyName: v.str("familyName"), GivenName: v.str("givenName"), FormOfAddress: v.str("formOfAddress"),
		Affix: v.str("affix"), Title: v.strs("title"), Gender: v.str("gender"), Phone: v.strs("phone"),
		Email: v.strs("email"), Status: v.strs("status"), Life: v.str("life"), LifeSource: v.str("lifeSource"),
		// The source published the contact data in its open API already.
		ContactConsent: true}
	var err error
	if lo, _ := v.child("locationObject"); lo != nil {
		p.LocationID, err = c.child(ctx, lo, "", ratsinfo.KindLocation, nil, embeddedSingle)
	} else {
		p.LocationID, err = c.embeddedObj(ctx, "location", ratsinfo.KindLocation)
	}
	if err != nil {
		return 0, err
	}
	id, err := c.save(ctx, ref, found, p)
	if err != nil || id == 0 {
		return id, err
	}
	objs, _ := v.children("membership")
	par := &parent{ratsinfo.KindPerson, id, v.url}
	for i, m := range objs {
		if _, err := c.im.importObject(ctx, importReq{obj: m, want: ratsinfo.KindMembership, par: par, index: i}); err != nil {
			return id, err
		}
	}
	return id, nil
}

func (c *conv) membership(ctx context.Context, ref ratsinfo.SourceRef, found bool) (int64, error) {
	v := c.v
	m := &ratsinfo.Membership{Meta: v.meta(c.embedded()), Role: v.str("role"), VotingRight: v.boolean("votingRight", false),
		StartDate: v.date("startDate"), EndDate: v.date("endDate")}
	var err error
	if m.PersonID, err = c.parentRef(ctx, "person", ratsinfo.KindPerson); err != nil {
		return 0, err
	}
	if m.OrganizationID, err = c.ref(ctx, v.link("organization"), ratsinfo.KindOrganization); err != nil {
		return 0, err
	}
	if m.OnBehalfOf, err = c.ref(ctx, v.link("onBehalfOf"), ratsinfo.KindOrganization); err != nil {
		return 0, err
	}
	if c.pendingRequired(m.PersonID, m.OrganizationID) {
		return 0, nil
	}
	return c.save(ctx, ref, found, m)
}

// parentRef returns the embedding parent's id, or resolves the back-reference
// property of a standalone object.
func (c *conv) parentRef(ctx context.Context, key string, k ratsinfo.Kind) (int64, error) {
	if c.par != nil && c.par.kind == k {
		return c.par.id, nil
	}
	return c.ref(ctx, c.v.link(key), k)
}

// pendingRequired reports that a required reference is still unresolved and the
// object waits for the fix-up pass (it is not written yet).
func (c *conv) pendingRequired(ids ...int64) bool {
	for _, id := range ids {
		if id == 0 && len(c.missing) > 0 {
			return true
		}
	}
	return false
}
