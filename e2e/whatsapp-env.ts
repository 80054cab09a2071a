/** The WhatsApp settings of the browser tests' server, and where its Graph API stand-in listens. */
export function e2eWhatsApp(serverPort: number) {
  return {
    ADUAN_WA_PHONE_NUMBER_ID: '1098765432',
    ADUAN_WA_ACCESS_TOKEN: 'token-graph-e2e',
    ADUAN_WA_APP_SECRET: 'rahasia-aplikasi-e2e',
    ADUAN_WA_VERIFY_TOKEN: 'token-verifikasi-e2e',
    ADUAN_WA_GRAPH_URL: `http://127.0.0.1:${serverPort + 17}`,
    ADUAN_WA_INTERVAL_MS: '500',
  };
}
