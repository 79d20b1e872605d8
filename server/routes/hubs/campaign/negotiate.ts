import { campaignHubHandlers } from '../../../app/campaign-runtime'

export default campaignHubHandlers.negotiate
