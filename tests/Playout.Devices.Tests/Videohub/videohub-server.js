// The npm videohub-server package as a Videohub peer on 127.0.0.1:<port>: each route it is sent is printed as a JSON line.
const VideohubServer = require('videohub-server')

const server = new VideohubServer()
server.on('press', (client, destination, source) => console.log(JSON.stringify({ destination, source })))
server.on('error', (error) => {
	console.error(error.message)
	process.exit(1)
})
server.start('127.0.0.1', Number(process.argv[2]))
process.stdin.on('end', () => process.exit(0))
process.stdin.resume()
