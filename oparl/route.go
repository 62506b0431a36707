package oparl

import (
	"strconv"
	"strings"

	"github.com/ratsinfo/ratsinfo"
)

// The routes of the API. Paths are case-sensitive and canonical; parsePath also
// recognises every harmless misspelling (other case, leading zeros, extra or
// trailing slashes) so that ServeHTTP can answer it with 301 to the canonical URL.
//
//	/oparl/v1.1/system                         System (entry point)
//	/oparl/v1.1/body                           list of bodies
//	/oparl/v1.1/body/{id}                      Body
//	/oparl/v1.1/body/{id}/{kind}               external list of kind in a body
//	/oparl/v1.1/{kind}/{id}                    any other object
//	/oparl/v1.1/organization/{id}/meeting      meetings of an organization
//	/oparl/v1.1/file/{id}/access               file content, inline
//	/oparl/v1.1/file/{id}/download             file content as attachment
type routeName int

const (
	routeSystem routeName = iota + 1
	routeBodies
	routeBody
	routeBodyList
	routeObject
	routeOrgMeetings
	routeFileAccess
	routeFileDownload
)

// route is a parsed request path.
type route struct {
	name routeName
	kind ratsinfo.Kind // object kind, or the listed kind
	id   int64         // object id, or the body or organization id of a list
}

// params lists the query parameters a route accepts.
func (rt route) params() []string {
	switch rt.name {
	case routeBodies, routeBodyList, routeOrgMeetings:
		return listParams
	case routeBody, routeObject:
		return objectParams
	}
	return noParams
}

// segmentKinds maps the lower-cased path segment to its kind.
var segmentKinds = func() map[string]ratsinfo.Kind {
	m := map[string]ratsinfo.Kind{}
	for k, seg := range urlSegments {
		m[strings.ToLower(seg)] = k
	}
	return m
}()

// parsePath parses p and returns the route and its canonical path; ok is false if p
// names nothing in the API.
func parsePath(p string) (rt route, canonical string, ok bool) {
	var segs []string
	for _, s := range strings.Split(p, "/") {
		if s != "" {
			segs = append(segs, s)
		}
	}
	if len(segs) < 3 || !strings.EqualFold(segs[0], "oparl") || !strings.EqualFold(segs[1], "v1.1") {
		return route{}, "", false
	}
	segs = segs[2:]
	first := strings.ToLower(segs[0])
	if first == "system" && len(segs) == 1 {
		return route{name: routeSystem, kind: ratsinfo.KindSystem}, apiPathBase + "/system", true
	}
	kind, isKind := segmentKinds[first]
	if !isKind {
		return route{}, "", false
	}
	if len(segs) == 1 {
		if kind != ratsinfo.KindBody {
			return route{}, "", false
		}
		return route{name: routeBodies, kind: kind}, apiPathBase + "/body", true
	}
	id, ok := parseID(segs[1])
	if !ok {
		return route{}, "", false
	}
	base := apiPathBase + "/" + urlSegments[kind] + "/" + strconv.FormatInt(id, 10)
	switch len(segs) {
	case 2:
		if kind == ratsinfo.KindBody {
			return route{name: routeBody, kind: kind, id: id}, base, true
		}
		return route{name: routeObject, kind: kind, id: id}, base, true
	case 3:
		return parseSubPath(kind, id, base, strings.ToLower(segs[2]))
	}
	return route{}, "", false
}

func parseSubPath(kind ratsinfo.Kind, id int64, base, sub string) (route, string, bool) {
	switch {
	case kind == ratsinfo.KindBody:
		listed, ok := segmentKinds[sub]
		if sub == "locationlist" {
			listed, ok = ratsinfo.KindLocation, true
		} else if sub == "legislativetermlist" {
			listed, ok = ratsinfo.KindLegislativeTerm, true
		}
		if !ok || listed == ratsinfo.KindBody {
			return route{}, "", false
		}
		return route{name: routeBodyList, kind: listed, id: id}, base + "/" + urlSegments[listed], true
	case kind == ratsinfo.KindOrganization && sub == "meeting":
		return route{name: routeOrgMeetings, kind: ratsinfo.KindMeeting, id: id}, base + "/meeting", true
	case kind == ratsinfo.KindFile && sub == "access":
		return route{name: routeFileAccess, kind: kind, id: id}, base + "/access", true
	case kind == ratsinfo.KindFile && sub == "download":
		return route{name: routeFileDownload, kind: kind, id: id}, base + "/download", true
	}
	return route{}, "", false
}

// parseID accepts a positive decimal id, leading zeros included (they redirect).
func parseID(s string) (int64, bool) {
	if s == "" || strings.Trim(s, "0123456789") != "" {
		return 0, false
	}
	id, err := strconv.ParseInt(s, 10, 64)
	return id, err == nil && id > 0
}
