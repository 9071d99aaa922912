# Shared by the TLS and authentication tests (sourced after mock_lib.sh,
# not run): a throwaway certificate authority made with openssl, and nginx
# as an HTTPS reverse proxy in front of a real citydash-mock, stopped on exit.
#
# tls_make_certs: in $WORK/pki, EC P-256: ca.pem (the test CA), server.pem
#   and server.key (for IP 127.0.0.1 and DNS localhost, signed by the CA),
#   wrong-name.pem and .key (for wrong.example only, signed by the CA),
#   client.pem and client.key (a client certificate, signed by the CA), and
#   other-ca.pem (a CA that signed nothing here).
# tls_nginx_start UPSTREAM: starts nginx (Debian's nginx-light) on two free
#   loopback ports, proxying to UPSTREAM ("http://127.0.0.1:PORT"), with
#   the bearer token $TLS_TOKEN and the basic-auth user and password
#   $TLS_USER, $TLS_PASSWORD it checks; sets TLS_BASE, MTLS_BASE, NAME_BASE:
#     TLS_BASE/feed/...       HTTPS, anyone
#     TLS_BASE/bearer/...     HTTPS, 401 unless "Authorization: Bearer $TLS_TOKEN"
#     TLS_BASE/basic/...      HTTPS, 401 unless basic auth with the user and password
#     TLS_BASE/tenant/...     HTTPS, 403 unless "X-Tenant: city"
#     TLS_BASE/away/...       HTTPS, a redirect to the same path under
#                             https://localhost:PORT/seen/ (another host)
#     .../seen/...            HTTPS, anyone; the Authorization header each
#                             request carried is written to $WORK/nginx/seen.log
#                             ("-" for none)
#     MTLS_BASE/feed/...      HTTPS, only with a client certificate of the CA
#     NAME_BASE/feed/...      HTTPS with the certificate for wrong.example
#   (the upstream's own paths follow the prefix: TLS_BASE/feed/v1/feeds/water).
NGINX_BIN=${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}
OPENSSL_BIN=$(command -v openssl || true)
NGINX_PID=

tls_nginx_stop() {
	stop_server "$NGINX_PID" # SIGTERM: nginx's fast shutdown, workers included
	NGINX_PID=
}
# Before mock_lib's clean-up (which removes $WORK).
trap 'tls_nginx_stop; mock_cleanup' EXIT

# tls_skip_unless_tools: exits 77 (skipped) without nginx or openssl.
tls_skip_unless_tools() {
	[ -x "$NGINX_BIN" ] || { echo "no nginx installed (scripts/setup installs nginx-light): skipped"; exit 77; }
	[ -n "$OPENSSL_BIN" ] || { echo "no openssl installed: skipped"; exit 77; }
}

# tls_sign NAME SUBJECT EXTENSIONS: a P-256 key and a certificate signed by the CA.
tls_sign() {
	local d=$WORK/pki
	"$OPENSSL_BIN" genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$d/$1.key" 2>>"$d/log" &&
		"$OPENSSL_BIN" req -new -key "$d/$1.key" -subj "$2" -out "$d/$1.csr" 2>>"$d/log" &&
		printf '%s\n' "$3" >"$d/$1.ext" &&
		"$OPENSSL_BIN" x509 -req -in "$d/$1.csr" -CA "$d/ca.pem" -CAkey "$d/ca.key" \
			-CAcreateserial -days 2 -sha256 -extfile "$d/$1.ext" -out "$d/$1.pem" 2>>"$d/log"
}

# tls_ca NAME SUBJECT: a self-signed P-256 CA certificate.
tls_ca() {
	local d=$WORK/pki
	"$OPENSSL_BIN" genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$d/$1.key" 2>>"$d/log" &&
		"$OPENSSL_BIN" req -x509 -new -key "$d/$1.key" -subj "$2" -days 2 -sha256 \
			-addext "basicConstraints=critical,CA:TRUE" \
			-addext "keyUsage=critical,keyCertSign,cRLSign" -out "$d/$1.pem" 2>>"$d/log"
}

tls_make_certs() {
	mkdir -p "$WORK/pki"
	tls_ca ca "/CN=citydash test CA" &&
		tls_ca other-ca "/CN=citydash other test CA" &&
		tls_sign server "/CN=127.0.0.1" \
			"subjectAltName=IP:127.0.0.1,DNS:localhost
extendedKeyUsage=serverAuth" &&
		tls_sign wrong-name "/CN=wrong.example" "subjectAltName=DNS:wrong.example
extendedKeyUsage=serverAuth" &&
		tls_sign client "/CN=citydash test client" "extendedKeyUsage=clientAuth" ||
		fail "openssl could not make the test certificates: $(tail -n 5 "$WORK/pki/log")"
	chmod 600 "$WORK/pki/"*.key
}

# nginx cannot take port 0: tries free-looking ports until all three bind.
tls_nginx_start() {
	local upstream=$1 port mport nport user="" basic
	[ "$(id -u)" -ne 0 ] || user="user $(id -un) $(id -gn);"
	basic=$(printf '%s:%s' "$TLS_USER" "$TLS_PASSWORD" | base64 -w0)
	mkdir -p "$WORK/nginx/tmp"
	for _ in $(seq 1 20); do
		port=$((20000 + RANDOM % 40000))
		mport=$((port + 1))
		nport=$((port + 2))
		cat >"$WORK/nginx/nginx.conf" <<-EOF
			$user
			worker_processes 1;
			daemon off;
			pid $WORK/nginx/nginx.pid;
			error_log $WORK/nginx/error.log;
			events { worker_connections 64; }
			http {
			  access_log $WORK/nginx/access.log;
			  log_format seen '\$http_authorization';
			  client_body_temp_path $WORK/nginx/tmp;
			  proxy_temp_path $WORK/nginx/tmp;
			  fastcgi_temp_path $WORK/nginx/tmp;
			  uwsgi_temp_path $WORK/nginx/tmp;
			  scgi_temp_path $WORK/nginx/tmp;
			  ssl_certificate $WORK/pki/server.pem;
			  ssl_certificate_key $WORK/pki/server.key;
			  ssl_protocols TLSv1.2 TLSv1.3;
			  server {
			    listen 127.0.0.1:$port ssl;
			    location /feed/ { proxy_pass $upstream/; }
			    location /bearer/ {
			      if (\$http_authorization != "Bearer $TLS_TOKEN") { return 401; }
			      proxy_pass $upstream/;
			    }
			    location /basic/ {
			      if (\$http_authorization != "Basic $basic") { return 401; }
			      proxy_pass $upstream/;
			    }
			    location /tenant/ {
			      if (\$http_x_tenant != "city") { return 403; }
			      proxy_pass $upstream/;
			    }
			    location /away/ {
			      if (\$http_authorization = "") { return 401; }
			      rewrite ^/away/(.*)\$ https://localhost:$port/seen/\$1 redirect;
			    }
			    location /seen/ {
			      access_log $WORK/nginx/seen.log seen;
			      proxy_pass $upstream/;
			    }
			  }
			  server {
			    listen 127.0.0.1:$mport ssl;
			    ssl_client_certificate $WORK/pki/ca.pem;
			    ssl_verify_client on;
			    location /feed/ { proxy_pass $upstream/; }
			  }
			  server {
			    listen 127.0.0.1:$nport ssl;
			    ssl_certificate $WORK/pki/wrong-name.pem;
			    ssl_certificate_key $WORK/pki/wrong-name.key;
			    location /feed/ { proxy_pass $upstream/; }
			  }
			}
		EOF
		timeout 600 "$NGINX_BIN" -p "$WORK/nginx" -e "$WORK/nginx/error.log" \
			-c "$WORK/nginx/nginx.conf" 2>>"$WORK/nginx/error.log" &
		NGINX_PID=$!
		for _ in $(seq 1 50); do
			curl -s -o /dev/null -m 1 --cacert "$WORK/pki/ca.pem" \
				"https://127.0.0.1:$port/feed/healthz" && break
			kill -0 "$NGINX_PID" 2>/dev/null || break
			sleep 0.1
		done
		if kill -0 "$NGINX_PID" 2>/dev/null; then
			TLS_BASE=https://127.0.0.1:$port
			MTLS_BASE=https://127.0.0.1:$mport
			NAME_BASE=https://127.0.0.1:$nport
			return 0
		fi
		wait "$NGINX_PID" 2>/dev/null
		NGINX_PID=
	done
	fail "nginx did not start on any of 20 ports: $(tail -n 3 "$WORK/nginx/error.log")"
}
