import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
	Icon,
} from 'n8n-workflow';
import { inN8nWords } from '../nodes/shared/n8n-words';

/**
 * An Acronis API client (client id + secret) on a data center. The access token comes from
 * `POST {url}/api/2/idp/token` (HTTP Basic, client_credentials) and sits in a hidden expirable field: n8n fetches
 * it before the first request and again whenever the API answers 401.
 */
export class AcronisReportsApi implements ICredentialType {
	name = 'acronisReportsApi';

	displayName = 'Acronis Reports API';

	icon: Icon = { light: 'file:acronis.svg', dark: 'file:acronis.dark.svg' };

	documentationUrl = 'https://developer.acronis.com/doc/account-management/v2/guide/index';

	properties: INodeProperties[] = [
		{
			displayName: 'Data Center URL',
			name: 'url',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://eu2-cloud.acronis.com',
			description:
				'The address of the data center your account lives on, as in the management portal address bar (without /api/2)',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: 'Management portal: Settings > API clients > Create API client',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Shown once when the API client is created; generate a new one there if it was lost',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const url = dataCenterUrl(credentials.url);
		const tokenUrl = `${url}/api/2/idp/token`;
		let response;
		try {
			response = (await this.helpers.httpRequest({
				method: 'POST',
				url: tokenUrl,
				auth: { username: String(credentials.clientId ?? ''), password: String(credentials.clientSecret ?? '') },
				headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
				body: 'grant_type=client_credentials',
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				json: false,
			})) as { statusCode: number; body: unknown };
		} catch (error) {
			const code = (error as { code?: string; cause?: { code?: string } }).code ?? (error as { cause?: { code?: string } }).cause?.code;
			throw new Error(
				inN8nWords(`Could not reach the data center at ${url} (${code ?? 'network error'}). Check the Data Center URL, for example https://eu2-cloud.acronis.com.`),
			);
		}
		const body = parseBody(response.body);
		if (response.statusCode === 200 && typeof body.access_token === 'string') {
			return { accessToken: body.access_token };
		}
		if (response.statusCode === 400 || response.statusCode === 401 || response.statusCode === 403) {
			const oauth = typeof body.error === 'string' ? ` (${body.error})` : '';
			throw new Error(
				`The data center refused the client ID or client secret${oauth}. Check both in Settings > API clients, or generate a new secret there.`,
			);
		}
		throw new Error(
			`No Acronis token endpoint answered at ${url}/api/2/idp/token (HTTP ${response.statusCode}). Check the Data Center URL: it is the address of your management portal, without /api/2.`,
		);
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.accessToken}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.url.replace(/\\/+$/, "").replace(/\\/api\\/2$/, "")}}/api/2',
			url: '=/clients/{{$credentials.clientId}}',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseCode',
				properties: { value: 404, message: 'The data center does not know this client ID. Check the client ID and the Data Center URL.' },
			},
			{
				type: 'responseCode',
				properties: { value: 403, message: 'The API client may not read its own record. Check that it is enabled.' },
			},
		],
	};
}

/** The data center URL without a trailing slash or a trailing /api/2. */
export function dataCenterUrl(value: unknown): string {
	return String(value ?? '')
		.trim()
		.replace(/\/+$/, '')
		.replace(/\/api\/2$/, '');
}

function parseBody(body: unknown): Record<string, unknown> {
	if (body && typeof body === 'object' && !(body instanceof Uint8Array)) return body as Record<string, unknown>;
	try {
		const parsed: unknown = JSON.parse(String(body ?? ''));
		return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
	} catch {
		return {};
	}
}
