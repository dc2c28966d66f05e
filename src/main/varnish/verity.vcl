# Varnish in front of Verity (Debian's varnish with varnish-modules for xkey).
#
# Every public page Verity serves is the same bytes for every reader and says so with
# Cache-Control: public, s-maxage, and a Surrogate-Key header naming the page, its topic and the
# pages that link to it. Verity purges exactly those keys after each change a reader could see
# (verity.cache.purge-urls points at this Varnish), so pages are held for as long as s-maxage allows
# and never longer than they are true: a review notice or a withdrawal decided by the date ends the
# page's max age at that instant, and no grace is given unless Verity asks for it.
#
# Run: varnishd -a :80 -f /etc/varnish/verity.vcl -s malloc,1g \
#        -p vsl_mask=-ReqHeader,-ReqUnset,-RespHeader,-RespUnset,-ObjHeader,-Timestamp,-VCL_call,-VCL_return,-ReqAcct,-Hit,-VCL_use,-ReqProtocol,-RespProtocol,-RespReason
# Point the backend below at the Verity node (or nodes, with a director), and list the
# addresses Verity's nodes purge from in the "purgers" ACL.

vcl 4.1;

import std;
import xkey;

backend verity {
    .host = "127.0.0.1";
    .port = "8080";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .between_bytes_timeout = 10s;
}

# Who may purge: the Verity nodes.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (req.http.xkey-purge) {
            # A hard purge: a withdrawn or edited page is gone at once, never served stale.
            set req.http.x-purged = xkey.purge(req.http.xkey-purge);
            return (synth(200, "Purged " + req.http.x-purged));
        }
        return (purge);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Staff screens, the API, health checks and anything signed in are never shared.
    if (req.url ~ "^/(admin|api|health|metrics|test-fixtures)(/|\?|$)"
            || req.http.Cookie ~ "(^|;\s*)verity_session=") {
        return (pass);
    }
    # A public page is the same for every reader: their cookie changes nothing in it, and
    # a reader's Authorization would make the page theirs alone.
    if (req.http.Authorization) {
        return (pass);
    }
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    if (beresp.http.Surrogate-Key) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
    }
    # Grace only when Verity gives it (stale-while-revalidate): otherwise a page past its
    # max age, which Verity cut to the instant it stops being true, is never served stale.
    if (beresp.http.Cache-Control !~ "stale-while-revalidate") {
        set beresp.grace = 0s;
    }
    # Only shared pages are kept; a private answer (a form, a refusal) is passed from now on.
    if (beresp.status != 200 || beresp.http.Cache-Control !~ "public" || beresp.http.Set-Cookie) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    return (deliver);
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
    return (deliver);
}
