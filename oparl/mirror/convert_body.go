package mirror

import (
	"context"

	"github.com/ratsinfo/ratsinfo"
)

// body converts a Body. Body and its embedded Location point at each other
// (Location needs a body, Body names its location), so a new body is written
// first without its location and then once more with it.
func (c *conv) body(ctx context.Context, ref ratsinfo.SourceRef, found bool) (int64, error) {
	v := c.v
	b := &ratsinfo.Body{Meta: v.meta(false), ShortName: v.str("shortName"), Name: v.str("name"),
		Website: v.urlProp("website"), LicenseValidSince: v.when("licenseValidSince"), OparlSince: v.when("oparlSince"),
		AGS: v.str("ags"), RGS: v.str("rgs"), Equivalent: v.urlProps("equivalent"),
		ContactEmail: v.str("contactEmail"), ContactName: v.str("contactName"), Classification: v.str("classification")}
	if b.Name == "" {
		b.Name = b.ShortName
	}
	id := int64(0)
	if found && ref.Kind == ratsinfo.KindBody && ref.ID != 0 {
		if old, err := c.im.store.FindBodyByID(ctx, ref.ID); err == nil && !old.Deleted {
			id = old.ID
		}
	}
	if id == 0 {
		var err error
		if id, err = c.save(ctx, ref, false, b); err != nil || id == 0 {
			return id, err
		}
		ref, found = ratsinfo.SourceRef{Kind: ratsinfo.KindBody, ID: id}, true
	}
	c.im.body = id
	var err error
	if b.LocationID, err = c.embeddedObj(ctx, "location", ratsinfo.KindLocation); err != nil {
		return 0, err
	}
	if id, err = c.save(ctx, ref, found, b); err != nil || id == 0 {
		return id, err
	}
	terms, _ := v.children("legislativeTerm")
	for i, t := range terms {
		if _, err := c.im.importObject(ctx, importReq{obj: t, want: ratsinfo.KindLegislativeTerm, par: &parent{ratsinfo.KindBody, id, v.url}, index: i}); err != nil {
			return id, err
		}
	}
	return id, nil
}
