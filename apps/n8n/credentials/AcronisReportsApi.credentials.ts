import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
	Icon,
} from 'n8n-workflow';
import { requestAccessToken } from '@acronis-reports/core/web';
import { inN8nWords } from '../nodes/shared/n8n-words';
import { n8nRuntime, plainN8nFetch } from '../nodes/shared/transport';

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
		// core's token exchange and URL rules (https only, except a local simulator), over n8n's own httpRequest
		try {
			const token = await requestAccessToken(
				{ baseUrl: String(credentials.url ?? ''), clientId: String(credentials.clientId ?? '').trim(), clientSecret: String(credentials.clientSecret ?? '') },
				{ runtime: n8nRuntime, fetch: plainN8nFetch(this.helpers) },
			);
			return { accessToken: token.accessToken };
		} catch (error) {
			// a plain Error: n8n shows its message as written (core's messages never carry the secret)
			throw new Error(inN8nWords(error instanceof Error ? error.message : String(error)));
		}
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
			// the URL as core reads it (a missing scheme is https, a trailing slash or /api/2 is dropped); by then
			// preAuthentication has checked it with core's rules
			baseURL:
				'={{(/^[a-z][a-z0-9+.-]*:\\/\\//i.test($credentials.url.trim()) ? "" : "https://") + $credentials.url.trim().replace(/\\/+$/, "").replace(/\\/api\\/2$/, "")}}/api/2',
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
