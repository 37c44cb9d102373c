/** A signed-in browser without JavaScript, talking to the app over loopback HTTP. */
export class Browser {
  constructor(
    readonly baseURL: string,
    private readonly cookie: string
  ) {}

  async get(path: string): Promise<Response> {
    return fetch(new URL(path, this.baseURL), {
      headers: { cookie: this.cookie, accept: 'text/html' },
      redirect: 'manual'
    });
  }

  async post(
    path: string,
    fields: [string, string][] | Record<string, string>,
    headers: Record<string, string> = {}
  ): Promise<Response> {
    return fetch(new URL(path, this.baseURL), {
      method: 'POST',
      headers: {
        cookie: this.cookie,
        accept: 'text/html',
        origin: this.baseURL,
        'content-type': 'application/x-www-form-urlencoded',
        ...headers
      },
      body: new URLSearchParams(fields).toString(),
      redirect: 'manual'
    });
  }
}
